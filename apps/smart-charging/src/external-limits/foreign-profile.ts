import type { ProfilePurpose } from '../dispatch/planned-profile';

/** One period of a schedule someone else set: from `startS` seconds after the schedule starts, `limit` in its unit. */
export interface ForeignPeriod {
  startS: number;
  limit: number;
  /** Phases the EV may use; it does not change what the limit means (per phase in A, in total in W). */
  numberPhases?: number;
}

/** A charging schedule set by others (an operator's profile, a limit a station reports), read from the wire. */
export interface ForeignSchedule {
  unit: 'A' | 'W';
  /** Epoch ms; absent: when the station took it (absolute), the transaction's start (relative). */
  startSchedule?: number;
  durationS?: number;
  periods: readonly ForeignPeriod[];
}

export type ProfileKind = 'absolute' | 'relative' | 'recurring';

/** The parts of a charging profile that say when its schedule applies. */
export interface ForeignProfile {
  kind: ProfileKind;
  recurrency?: 'daily' | 'weekly';
  validFrom?: number;
  validTo?: number;
  schedule: ForeignSchedule;
}

/** An operator's profile as a station holds it: what the station's replacement rules look at. */
export interface ForeignProfileSlot {
  profileId: number;
  purpose: ProfilePurpose;
  evseId: number;
  stackLevel: number;
}
