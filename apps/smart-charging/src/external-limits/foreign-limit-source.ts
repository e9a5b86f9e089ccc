import type { ProfilePurpose } from '../dispatch/planned-profile';
import type { ForeignProfileSlot } from './foreign-profile';

// The limit sources this service writes for limits others set (docs/adr/018-limits-set-by-others.md).
// Station ids may hold ':' themselves, so the names are read from their end.

/** Who set an external limit on a station (2.0.1 ChargingLimitSourceEnumType). */
export type StationLimitSource = 'EMS' | 'SO' | 'CSO' | 'Other';

const PURPOSES: readonly ProfilePurpose[] = ['station-max', 'tx-default', 'tx'];
const OPERATOR_PROFILE = /^operator-profile:(.+):(station-max|tx-default|tx):(\d+):(\d+):(\d+)$/;

/** `station:<stationId>:<limitSource>:<evseId>`: what a station reported from that source on that EVSE (0: the station). */
export function stationLimitSource(stationId: string, source: StationLimitSource, evseId: number): string {
  return `station:${stationId}:${source}:${evseId}`;
}

/** `operator-profile:<stationId>:<purpose>:<evseId>:<stackLevel>:<profileId>`: one profile the station holds from an operator. */
export function operatorProfileSource(stationId: string, slot: ForeignProfileSlot): string {
  return `operator-profile:${stationId}:${slot.purpose}:${slot.evseId}:${slot.stackLevel}:${slot.profileId}`;
}

/** The station and profile an operator-profile source names; undefined for any other source. */
export function parseOperatorProfileSource(source: string): { stationId: string; slot: ForeignProfileSlot } | undefined {
  const match = OPERATOR_PROFILE.exec(source);
  if (match === null) return undefined;
  const [, stationId = '', purpose, evseId, stackLevel, profileId] = match;
  if (!PURPOSES.includes(purpose as ProfilePurpose)) return undefined;
  return { stationId, slot: { purpose: purpose as ProfilePurpose, evseId: Number(evseId), stackLevel: Number(stackLevel), profileId: Number(profileId) } };
}

/** The profile an operator-profile source names, when it names one of this station's. */
export function operatorProfileOf(source: string, stationId: string): ForeignProfileSlot | undefined {
  const parsed = parseOperatorProfileSource(source);
  return parsed?.stationId === stationId ? parsed.slot : undefined;
}

/** The ones a new profile replaces on the station: the same id, or the same purpose and stack level on the same EVSE (OCPP 1.6 3.13.2). */
export function replacedBy(installed: ForeignProfileSlot, held: ForeignProfileSlot): boolean {
  return held.profileId === installed.profileId || (held.purpose === installed.purpose && held.evseId === installed.evseId && held.stackLevel === installed.stackLevel);
}

/** ClearChargingProfile criteria: an id selects alone; otherwise every criterion given matches (EVSE 0: any). */
export interface ClearCriteria {
  profileId?: number;
  evseId?: number;
  purpose?: ProfilePurpose;
  stackLevel?: number;
}

export function clearedBy(criteria: ClearCriteria, held: ForeignProfileSlot): boolean {
  if (criteria.profileId !== undefined) return held.profileId === criteria.profileId;
  return (
    (criteria.evseId === undefined || held.evseId === criteria.evseId) &&
    (criteria.purpose === undefined || held.purpose === criteria.purpose) &&
    (criteria.stackLevel === undefined || held.stackLevel === criteria.stackLevel)
  );
}
