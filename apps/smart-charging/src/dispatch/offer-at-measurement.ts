import type { PlannedProfile } from './planned-profile';
import { NOMINAL_VOLTAGE } from './profile-builder';

/** A TxProfile as sent, and when its answer came back. */
export interface OfferRecord {
  profile: PlannedProfile;
  outcome: 'pending' | 'accepted' | 'rejected' | 'failed';
  sentAt: number;
  answeredAt?: number;
}

/** A session's newest draw: the largest phase, A, and when it was measured. */
export interface MeasuredDraw {
  amps: number;
  at: number;
}

/** The per-phase current an accepted A profile allows at `t`, if one of its periods is in force. */
export function amperesAt(record: OfferRecord | undefined, t: number): number | undefined {
  if (record?.outcome !== 'accepted') return undefined;
  let limit: number | undefined;
  for (const period of record.profile.periods) if (record.profile.startSchedule + period.startPeriodS * 1000 <= t) limit = period.limit;
  if (limit === undefined || record.profile.rateUnit === 'A') return limit;
  return limit / (record.profile.numberPhases * NOMINAL_VOLTAGE);
}

/**
 * What a session's draw is compared with by the surplus rule: the limit its station held when the
 * draw was measured. A draw measured before the current TxProfile reached the station says how
 * the EV followed the profile before (`replaced`), not this one: a 1.6 station reports its draw
 * only every sample interval, and comparing its draw under the old, lower limit with the new one
 * would take the raise straight back and hand it to the others. When the profile in force at the
 * measurement is unknown, the draw is taken as all the EV was offered: it tells nothing of an EV
 * limiting itself.
 */
export function offerAtMeasurement(current: OfferRecord | undefined, replaced: OfferRecord | undefined, draw: MeasuredDraw | undefined, now: number): number | undefined {
  const offered = amperesAt(current, now);
  // Nothing known of what the station holds (never sent, forgotten after a reconnect or a clear,
  // refused): its draw is taken as all it was offered, as below.
  if (offered === undefined) return draw?.amps;
  if (draw === undefined || current === undefined || current.answeredAt === undefined || draw.at >= current.answeredAt) return offered;
  // The replaced profile counts only once the station had it; before that, what it held is not known.
  const before = (replaced?.answeredAt !== undefined && draw.at >= replaced.answeredAt ? amperesAt(replaced, draw.at) : undefined) ?? draw.amps;
  // Sent but not yet answered when measured: the station may have held either; the lower reference caps no one by mistake.
  return draw.at >= current.sentAt ? Math.min(offered, before) : before;
}
