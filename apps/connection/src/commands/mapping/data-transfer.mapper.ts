import type { OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, refuse, uncheckedCall } from './call-mapping';
import { type CommandResponse, statusResponse } from './command-response';
import type { BodyOf } from './neutral-command.types';
import { compact, nonEmpty } from './payload-fields';
import type { JsonObject } from './response-fields';

// DataTransfer. The neutral data is text, as in 1.6. 2.0.1 allows any JSON value as data; the
// command's text is sent as a JSON string, and non-text data in an answer is returned as its
// JSON text, so the result's `data` is always text.

export function dataTransferCall(version: OcppVersion, transfer: BodyOf<'dataTransfer'>): CallMapping {
  if (transfer.vendorId === '') return refuse('a data transfer needs a vendor id');
  const payload = compact({ vendorId: transfer.vendorId, messageId: nonEmpty(transfer.messageId), data: nonEmpty(transfer.data) });
  return byVersion(version, {
    '1.6': () => call('1.6', 'DataTransfer', payload),
    // The generated 2.0.1 type says data is an object; the schema leaves it open (any JSON value).
    '2.0.1': () => uncheckedCall('DataTransfer', payload),
  });
}

function dataText(data: unknown): string | undefined {
  if (data === undefined || typeof data === 'string') return data;
  return JSON.stringify(data);
}

export function dataTransferResponse(payload: JsonObject): CommandResponse {
  return statusResponse(payload, { data: dataText(payload['data']) });
}
