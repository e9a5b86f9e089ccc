import { codePointLength, MAX_ERROR_DESCRIPTION_LENGTH } from '../errors/error-description';
import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import type { OcppVersion } from '../ocpp-version';
import { type FrameParseResult, type JsonObject, MAX_MESSAGE_ID_LENGTH, MessageType, UNREADABLE_MESSAGE_ID } from './rpc-frame';

type Fail = (kind: OcppErrorKind, description: string) => FrameParseResult;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isReadableMessageId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && codePointLength(value, MAX_MESSAGE_ID_LENGTH) <= MAX_MESSAGE_ID_LENGTH;
}

function failer(version: OcppVersion, messageId: string, messageType: number | undefined): Fail {
  return (kind, description) => {
    const error = new OcppRpcError(kind, description);
    return { ok: false, failure: { messageId, messageType, code: error.codeIn(version), error } };
  };
}

function messageIdProblem(value: unknown): string {
  if (typeof value !== 'string') return `messageId must be a string, got ${typeName(value)}`;
  if (value.length === 0) return 'messageId must not be empty';
  return `messageId must NOT have more than ${MAX_MESSAGE_ID_LENGTH} characters, got ${codePointLength(value)}`;
}

function parseCall(frame: unknown[], messageId: string, fail: Fail): FrameParseResult {
  if (frame.length !== 4) return fail(OcppErrorKind.PduStructureViolation, `CALL must have 4 elements [2, messageId, action, payload], got ${frame.length}`);
  const [, , action, payload] = frame;
  if (typeof action !== 'string' || action.length === 0) {
    return fail(OcppErrorKind.RpcFrameworkError, `CALL action must be a non-empty string, got ${typeName(action)}`);
  }
  if (!isJsonObject(payload)) return fail(OcppErrorKind.FormatViolation, `CALL payload must be a JSON object, got ${typeName(payload)}`);
  return { ok: true, frame: { type: MessageType.Call, messageId, action, payload } };
}

function parseCallResult(frame: unknown[], messageId: string, fail: Fail): FrameParseResult {
  if (frame.length !== 3) return fail(OcppErrorKind.PduStructureViolation, `CALLRESULT must have 3 elements [3, messageId, payload], got ${frame.length}`);
  const payload = frame[2];
  if (!isJsonObject(payload)) return fail(OcppErrorKind.FormatViolation, `CALLRESULT payload must be a JSON object, got ${typeName(payload)}`);
  return { ok: true, frame: { type: MessageType.CallResult, messageId, payload } };
}

function parseCallError(frame: unknown[], messageId: string, fail: Fail): FrameParseResult {
  if (frame.length !== 5) {
    return fail(
      OcppErrorKind.PduStructureViolation,
      `CALLERROR must have 5 elements [4, messageId, errorCode, errorDescription, errorDetails], got ${frame.length}`,
    );
  }
  const [, , errorCode, errorDescription, errorDetails] = frame;
  if (typeof errorCode !== 'string' || errorCode.length === 0) {
    return fail(OcppErrorKind.FormatViolation, `CALLERROR errorCode must be a non-empty string, got ${typeName(errorCode)}`);
  }
  if (typeof errorDescription !== 'string') {
    return fail(OcppErrorKind.FormatViolation, `CALLERROR errorDescription must be a string, got ${typeName(errorDescription)}`);
  }
  if (codePointLength(errorDescription, MAX_ERROR_DESCRIPTION_LENGTH) > MAX_ERROR_DESCRIPTION_LENGTH) {
    return fail(
      OcppErrorKind.PropertyConstraintViolation,
      `CALLERROR errorDescription must NOT have more than ${MAX_ERROR_DESCRIPTION_LENGTH} characters, got ${codePointLength(errorDescription)}`,
    );
  }
  if (!isJsonObject(errorDetails)) return fail(OcppErrorKind.FormatViolation, `CALLERROR errorDetails must be a JSON object, got ${typeName(errorDetails)}`);
  return { ok: true, frame: { type: MessageType.CallError, messageId, errorCode, errorDescription, errorDetails } };
}

/**
 * Reads one OCPP-J message. Never throws: a message that is not a well-formed CALL, CALLRESULT
 * or CALLERROR yields a FramingFailure with the errorCode `version` assigns (see README.md).
 * Checks framing only; the action and payload schema are checked by `validateCall`.
 */
export function parseFrame(version: OcppVersion, text: string): FrameParseResult {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failer(version, UNREADABLE_MESSAGE_ID, undefined)(OcppErrorKind.RpcFrameworkError, `message is not valid JSON: ${reason}`);
  }
  if (!Array.isArray(message) || message.length === 0) {
    const got = Array.isArray(message) ? 'an empty array' : typeName(message);
    return failer(version, UNREADABLE_MESSAGE_ID, undefined)(OcppErrorKind.RpcFrameworkError, `message must be a non-empty JSON array, got ${got}`);
  }
  const [messageType, messageId] = message as unknown[];
  const readableId = isReadableMessageId(messageId) ? messageId : UNREADABLE_MESSAGE_ID;
  if (typeof messageType !== 'number') {
    return failer(version, readableId, undefined)(OcppErrorKind.RpcFrameworkError, `message type must be a number, got ${typeName(messageType)}`);
  }
  const fail = failer(version, readableId, messageType);
  if (messageType !== MessageType.Call && messageType !== MessageType.CallResult && messageType !== MessageType.CallError) {
    return fail(OcppErrorKind.MessageTypeNotSupported, `message type ${messageType} is not supported (2 = CALL, 3 = CALLRESULT, 4 = CALLERROR)`);
  }
  if (!isReadableMessageId(messageId)) return fail(OcppErrorKind.RpcFrameworkError, messageIdProblem(messageId));
  if (messageType === MessageType.Call) return parseCall(message, messageId, fail);
  if (messageType === MessageType.CallResult) return parseCallResult(message, messageId, fail);
  return parseCallError(message, messageId, fail);
}
