import type { StationEvent } from '@app/contracts';
import { compact } from './payload-fields';
import { type JsonObject, objectAt, stringAt } from './response-fields';
import { normaliseStatus } from './station-status';

/** A station's answer in version-neutral form: whether it took the command on, and what it said. */
export interface CommandResponse {
  readonly accepted: boolean;
  readonly result: Record<string, unknown>;
  /** What the answer revealed about the station, for every backend (published on ocpp.events). */
  readonly event?: Exclude<StationEvent['body'], { case: undefined }>;
}

/** 2.0.1 statusInfo, the station's reason for its status; undefined when absent (always in 1.6). */
export function statusInfoOf(info: JsonObject | undefined): Record<string, unknown> | undefined {
  if (info === undefined) return undefined;
  return compact({ reasonCode: stringAt(info, 'reasonCode'), additionalInfo: stringAt(info, 'additionalInfo') });
}

/**
 * The answer to a command whose response carries a `status`: the neutral status, the station's
 * own status in `stationStatus`, its 2.0.1 `statusInfo`, and any command-specific fields.
 */
export function statusResponse(payload: JsonObject, fields: Record<string, unknown> = {}): CommandResponse {
  const stationStatus = stringAt(payload, 'status');
  const { status, accepted } = stationStatus === undefined ? { status: 'Rejected', accepted: false } : normaliseStatus(stationStatus);
  return { accepted, result: compact({ status, stationStatus, statusInfo: statusInfoOf(objectAt(payload, 'statusInfo')), ...fields }) };
}

/** The answer to a command whose response has no status (GetConfiguration, GetLocalListVersion, ...): answering is accepting. */
export function answeredResponse(fields: Record<string, unknown>): CommandResponse {
  return { accepted: true, result: compact({ status: 'Accepted', ...fields }) };
}
