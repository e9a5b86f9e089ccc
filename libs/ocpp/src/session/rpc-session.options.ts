import type { OcppRpcError } from '../errors/ocpp-rpc.error';
import type { JsonObject } from '../framing/rpc-frame';
import type { OcppVersion, Side } from '../ocpp-version';

export interface IncomingCallContext {
  readonly messageId: string;
}

/**
 * Answers one CALL from the peer: resolve with the response payload, throw an OcppRpcError to
 * answer with a CALLERROR, or throw WithholdResponse to send no answer at all.
 */
export type CallHandler = (action: string, payload: JsonObject, context: IncomingCallContext) => Promise<object>;

/** The peer broke the protocol; the session coped. Worth a warn-level log line and a metric. */
export enum ProtocolWarningCode {
  /** A message that is not a well-formed frame (answered with a CALLERROR unless it was a CALLRESULT/CALLERROR). */
  MalformedFrame = 'malformed-frame',
  /** A well-formed CALL answered with a CALLERROR: unknown action, wrong direction or schema violation. */
  RejectedCall = 'rejected-call',
  /** A CALLRESULT/CALLERROR whose messageId matches no outstanding call. */
  UnexpectedResponse = 'unexpected-response',
  /** A CALLRESULT/CALLERROR for a call that already timed out. */
  LateResponse = 'late-response',
  /** A CALL arrived while `maxQueue` CALLs were waiting; answered with GenericError. */
  IncomingQueueFull = 'incoming-queue-full',
}

export interface ProtocolWarning {
  readonly code: ProtocolWarningCode;
  readonly description: string;
  readonly messageId: string;
  readonly action?: string;
  readonly error?: OcppRpcError;
}

/** Something went wrong on this side while answering the peer. Worth an error-level log line. */
export enum SessionFaultCode {
  /** The call handler threw something other than an OcppRpcError (peer got InternalError). */
  HandlerFailed = 'handler-failed',
  /** The call handler's result does not match the response schema (peer got InternalError). */
  InvalidHandlerResponse = 'invalid-handler-response',
  /** The transport's `send` threw while answering. */
  SendFailed = 'send-failed',
  /** The call handler threw WithholdResponse: the CALL got no answer and the peer will retry it. */
  ResponseWithheld = 'response-withheld',
}

export interface SessionFault {
  readonly code: SessionFaultCode;
  readonly messageId: string;
  readonly action?: string;
  readonly error: unknown;
}

export interface RpcSessionOptions<V extends OcppVersion = OcppVersion> {
  readonly version: V;
  /** The side this session plays; the peer is the other one. */
  readonly side: Side;
  /** Hands a text frame to the transport. */
  readonly send: (text: string) => void;
  /** How long an outgoing CALL waits for its answer. */
  readonly callTimeoutMs: number;
  readonly handleCall: CallHandler;
  /** Check outgoing CALL payloads and our CALLRESULT payloads against the schemas (default true). */
  readonly validateOutgoing?: boolean;
  /** Most CALLs waiting, per direction (default 100). */
  readonly maxQueue?: number;
  readonly onProtocolWarning?: (warning: ProtocolWarning) => void;
  readonly onError?: (fault: SessionFault) => void;
}

export const DEFAULT_MAX_QUEUE = 100;
