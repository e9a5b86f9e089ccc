import { type CallMapping, refuse, uncheckedCall } from './call-mapping';
import { type CommandResponse } from './command-response';
import type { BodyOf } from './neutral-command.types';
import { type JsonObject, isJsonObject, stringAt } from './response-fields';
import { normaliseStatus } from './station-status';

// A raw call is any CSMS-initiated action of the station's own version, for operator actions
// that only one version has. toOcppCall checks the action and payload like any other call.

/** An empty payload_json is proto3's "not given": the empty payload {}. */
export function rawCall(raw: BodyOf<'rawCall'>): CallMapping {
  if (raw.action === '') return refuse('a raw call needs an action');
  if (raw.payloadJson.trim() === '') return uncheckedCall(raw.action, {});
  let payload: unknown;
  try {
    payload = JSON.parse(raw.payloadJson);
  } catch (error: unknown) {
    return refuse(`the raw ${raw.action} payload is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return isJsonObject(payload) ? uncheckedCall(raw.action, payload) : refuse(`the raw ${raw.action} payload is not a JSON object`);
}

/** The answer as the station sent it; accepted unless it carries a status that is not a success. */
export function rawCallResponse(payload: JsonObject): CommandResponse {
  const status = stringAt(payload, 'status');
  return { accepted: status === undefined || normaliseStatus(status).accepted, result: { ...payload } };
}
