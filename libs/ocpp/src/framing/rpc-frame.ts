import type { OcppRpcError } from '../errors/ocpp-rpc.error';

/** OCPP-J message type numbers. */
export enum MessageType {
  Call = 2,
  CallResult = 3,
  CallError = 4,
}

/** OCPP-J: a messageId is a string of at most 36 characters. */
export const MAX_MESSAGE_ID_LENGTH = 36;

/** The messageId of a CALLERROR answering a message whose own messageId could not be read. */
export const UNREADABLE_MESSAGE_ID = '-1';

export type JsonObject = Record<string, unknown>;

/** `[2, messageId, action, payload]` */
export interface CallFrame {
  readonly type: MessageType.Call;
  readonly messageId: string;
  readonly action: string;
  readonly payload: JsonObject;
}

/** `[3, messageId, payload]` */
export interface CallResultFrame {
  readonly type: MessageType.CallResult;
  readonly messageId: string;
  readonly payload: JsonObject;
}

/** `[4, messageId, errorCode, errorDescription, errorDetails]` */
export interface CallErrorFrame {
  readonly type: MessageType.CallError;
  readonly messageId: string;
  readonly errorCode: string;
  readonly errorDescription: string;
  readonly errorDetails: JsonObject;
}

export type RpcFrame = CallFrame | CallResultFrame | CallErrorFrame;

/** A message that is not a well-formed OCPP-J frame. */
export interface FramingFailure {
  /** The frame's messageId when it could be read, else "-1". */
  readonly messageId: string;
  /** The message type number when it could be read (3 and 4 are never answered). */
  readonly messageType: number | undefined;
  /** The errorCode for a CALLERROR, in the version the frame was parsed for. */
  readonly code: string;
  readonly error: OcppRpcError;
}

export type FrameParseResult = { readonly ok: true; readonly frame: RpcFrame } | { readonly ok: false; readonly failure: FramingFailure };
