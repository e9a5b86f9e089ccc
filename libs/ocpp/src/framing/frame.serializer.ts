import { truncateDescription } from '../errors/error-description';
import type { OcppRpcError } from '../errors/ocpp-rpc.error';
import type { OcppVersion } from '../ocpp-version';
import { MessageType } from './rpc-frame';

/** `[2, messageId, action, payload]` */
export function serializeCall(messageId: string, action: string, payload: object): string {
  return JSON.stringify([MessageType.Call, messageId, action, payload]);
}

/** `[3, messageId, payload]` */
export function serializeCallResult(messageId: string, payload: object): string {
  return JSON.stringify([MessageType.CallResult, messageId, payload]);
}

/** `[4, messageId, errorCode, errorDescription, errorDetails]` with `version`'s code for the error's kind. */
export function serializeCallError(version: OcppVersion, messageId: string, error: OcppRpcError): string {
  return JSON.stringify([MessageType.CallError, messageId, error.codeIn(version), truncateDescription(error.description), error.details]);
}
