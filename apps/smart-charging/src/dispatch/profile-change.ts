import type { PlannedProfile } from './planned-profile';

/** What this service last sent for a profile slot (purpose + EVSE of a station) and how it went. */
export interface SentProfile {
  profile: PlannedProfile;
  sentAt: number;
  outcome: 'pending' | 'accepted' | 'rejected' | 'failed';
}

export interface ChangePolicy {
  /** An increase smaller than this (and than the fraction below) is not worth a message. */
  minIncrease: number;
  minIncreaseFraction: number;
  /** A profile that failed or was rejected is tried again after this. */
  retryAfterMs: number;
}

export const DEFAULT_CHANGE_POLICY: ChangePolicy = { minIncrease: 1, minIncreaseFraction: 0.05, retryAfterMs: 30_000 };

export type ChangeReason = 'new' | 'retry' | 'structure' | 'lower' | 'higher';

/** The profile's limit at instant t; Infinity where it sets none (before it starts, after its duration). */
export function limitAt(profile: PlannedProfile, t: number): number {
  const offsetS = (t - profile.startSchedule) / 1000;
  if (offsetS < 0) return Number.POSITIVE_INFINITY;
  if (profile.durationS !== undefined && offsetS >= profile.durationS) return Number.POSITIVE_INFINITY;
  let limit = Number.POSITIVE_INFINITY;
  for (const period of profile.periods) if (period.startPeriodS <= offsetS) limit = period.limit;
  return limit;
}

function breakpoints(profile: PlannedProfile): number[] {
  const points = profile.periods.map((period) => profile.startSchedule + period.startPeriodS * 1000);
  if (profile.durationS !== undefined) points.push(profile.startSchedule + profile.durationS * 1000);
  return points;
}

function sameShape(a: PlannedProfile, b: PlannedProfile): boolean {
  return (
    a.id === b.id &&
    a.stackLevel === b.stackLevel &&
    a.purpose === b.purpose &&
    a.evseId === b.evseId &&
    a.transactionId === b.transactionId &&
    a.rateUnit === b.rateUnit &&
    a.numberPhases === b.numberPhases &&
    (a.durationS === undefined) === (b.durationS === undefined)
  );
}

/**
 * Whether `desired` must be sent given what the station holds, compared as limits over time from
 * now on: any point where it is lower is sent at once (the site's limits depend on it), a higher
 * one only when the increase is worth a message.
 */
export function changeReason(desired: PlannedProfile, sent: SentProfile | undefined, now: number, policy: ChangePolicy = DEFAULT_CHANGE_POLICY): ChangeReason | undefined {
  if (sent === undefined) return 'new';
  // The pause after a refusal is for that profile: one of another shape (e.g. for the transaction
  // that followed on the EVSE, while the refused one was for the transaction that ended) goes now.
  if (!sameShape(desired, sent.profile)) return 'structure';
  if (sent.outcome === 'rejected' || sent.outcome === 'failed') return now - sent.sentAt >= policy.retryAfterMs ? 'retry' : undefined;
  const held = sent.profile;
  const instants = [now, ...breakpoints(desired), ...breakpoints(held)].filter((t) => t >= now);
  let higher = false;
  for (const t of instants) {
    const wanted = limitAt(desired, t);
    const holding = limitAt(held, t);
    if (wanted < holding) return 'lower';
    if (wanted - holding >= Math.max(policy.minIncrease, holding * policy.minIncreaseFraction)) higher = true;
  }
  return higher ? 'higher' : undefined;
}

/**
 * Whether `desired` only takes away now: a lowering that raises nothing in force at `now` (a raise
 * at a later slot boundary is planned for that boundary). Such profiles go to a site's stations
 * before any that raise, so that a raise never lands before the lowering that makes room for it.
 */
export function lowersNow(desired: PlannedProfile, sent: SentProfile | undefined, now: number, policy: ChangePolicy = DEFAULT_CHANGE_POLICY): boolean {
  return sent !== undefined && changeReason(desired, sent, now, policy) === 'lower' && limitAt(desired, now) <= limitAt(sent.profile, now);
}
