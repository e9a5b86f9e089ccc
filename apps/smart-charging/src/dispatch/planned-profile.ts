import type { RateUnit } from './charging-capabilities';

export type ProfilePurpose = 'tx' | 'tx-default' | 'station-max';

/** One step of a limit over time: from `atOffsetS` seconds after the schedule starts, `amps` per phase. */
export interface PlannedLimit {
  atOffsetS: number;
  amps: number;
}

/** A profile this service wants a station to hold, before it is written for the station. */
export interface ProfileRequest {
  purpose: ProfilePurpose;
  /** 0 = the whole station (station-max, and a station-wide default). */
  evseId: number;
  /** TxProfile only. */
  transactionId?: string;
  phases: 1 | 2 | 3;
  /** Starts at offset 0, in time order. */
  timeline: readonly PlannedLimit[];
  startAt: number;
  /** A lease: the profile's schedule ends after this (TxProfile); none = its last period goes on. */
  durationS?: number;
}

/** The profile as sent: stable id, the station's stack level and unit, limits in its resolution. */
export interface PlannedProfile {
  id: number;
  stackLevel: number;
  purpose: ProfilePurpose;
  evseId: number;
  transactionId?: string;
  startSchedule: number;
  durationS?: number;
  rateUnit: RateUnit;
  numberPhases: 1 | 2 | 3;
  periods: readonly { startPeriodS: number; limit: number }[];
}
