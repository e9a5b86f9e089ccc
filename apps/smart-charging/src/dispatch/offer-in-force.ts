import { DEFAULT_VOLTAGE } from '../allocation';
import { type SentProfile, limitAt } from './profile-change';

/** What a station holds for a session at an instant: a current per phase, and since when it holds that value. */
export interface Offer {
  amps: number;
  /** When this value took effect at the station: its profile was answered, or the period holding it began. */
  since: number;
}

/** When the period in force at `at` began (the schedule's start when none has begun yet). */
function periodStart(record: SentProfile, at: number): number {
  const { profile } = record;
  let start = profile.startSchedule;
  for (const period of profile.periods) {
    const begins = profile.startSchedule + period.startPeriodS * 1000;
    if (begins <= at) start = Math.max(start, begins);
  }
  return start;
}

/**
 * The TxProfile limit a station accepted, in force at `at`, in A per phase (a limit in W at the
 * nominal voltage on the profile's phases), and since when: none when the profile was not
 * accepted or sets no limit then. The answer's arrival stands for the moment the station took it.
 */
export function offerInForce(record: SentProfile & { answeredAt?: number }, at: number): Offer | undefined {
  if (record.outcome !== 'accepted') return undefined;
  const { profile } = record;
  const limit = limitAt(profile, at);
  if (!Number.isFinite(limit)) return undefined;
  const amps = profile.rateUnit === 'A' ? limit : limit / (DEFAULT_VOLTAGE * profile.numberPhases);
  return { amps, since: Math.max(record.answeredAt ?? record.sentAt, periodStart(record, at)) };
}
