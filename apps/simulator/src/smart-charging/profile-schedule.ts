import type { ChargingProfile, SchedulePeriod } from './charging-profile';
import { DEFAULT_NUMBER_PHASES } from './charging-rate';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** What the start of a Relative schedule is measured from. */
export interface RelativeAnchor {
  /** The transaction running where the profile applies, if any: Relative schedules start with it. */
  readonly transaction?: { readonly id: string; readonly startedAt: number };
  /** Where Relative schedules start when no transaction runs (usually "now"). */
  readonly relativeStart: number;
}

export function recurrencePeriodMs(profile: ChargingProfile): number | undefined {
  if (profile.kind !== 'Recurring') return undefined;
  return profile.recurrency === 'Weekly' ? WEEK_MS : DAY_MS;
}

function baseStart(profile: ChargingProfile): number {
  return profile.schedule.startSchedule ?? profile.validFrom ?? profile.receivedAt;
}

/** Where the schedule (or, for Recurring, the repetition covering `at`) starts. */
export function scheduleStartAt(profile: ChargingProfile, at: number, anchor: RelativeAnchor): number {
  if (profile.kind === 'Relative') return anchor.transaction?.startedAt ?? anchor.relativeStart;
  const base = baseStart(profile);
  const period = recurrencePeriodMs(profile);
  return period === undefined ? base : base + Math.floor((at - base) / period) * period;
}

/** Seconds a schedule (one repetition, for Recurring) lasts; undefined = open-ended. */
export function effectiveDurationS(profile: ChargingProfile): number | undefined {
  const period = recurrencePeriodMs(profile);
  if (period === undefined) return profile.schedule.duration;
  return Math.min(profile.schedule.duration ?? period / 1000, period / 1000);
}

export function isValidAt(profile: ChargingProfile, at: number): boolean {
  if (profile.validFrom !== undefined && at < profile.validFrom) return false;
  return profile.validTo === undefined || at < profile.validTo;
}

/** The period of `profile` in force at `at`, with numberPhases defaulted; undefined when none is. */
export function periodAt(profile: ChargingProfile, at: number, anchor: RelativeAnchor): Required<SchedulePeriod> | undefined {
  if (!isValidAt(profile, at)) return undefined;
  const offsetS = (at - scheduleStartAt(profile, at, anchor)) / 1000;
  const duration = effectiveDurationS(profile);
  if (offsetS < 0 || (duration !== undefined && offsetS >= duration)) return undefined;
  let current: SchedulePeriod | undefined;
  for (const period of profile.schedule.periods) {
    if (period.startPeriod > offsetS) break;
    current = period;
  }
  return current && { startPeriod: current.startPeriod, limit: current.limit, numberPhases: current.numberPhases ?? DEFAULT_NUMBER_PHASES };
}

/** Every instant in (from, to) at which what `profile` says may change. */
export function changeInstants(profile: ChargingProfile, from: number, to: number, anchor: RelativeAnchor): number[] {
  const instants: number[] = [];
  if (profile.validFrom !== undefined) instants.push(profile.validFrom);
  if (profile.validTo !== undefined) instants.push(profile.validTo);
  const duration = effectiveDurationS(profile);
  const repetition = recurrencePeriodMs(profile);
  const first = scheduleStartAt(profile, from, anchor);
  const starts = [first];
  if (repetition !== undefined) for (let start = first + repetition; start < to; start += repetition) starts.push(start);
  for (const start of starts) {
    for (const period of profile.schedule.periods) instants.push(start + period.startPeriod * 1000);
    if (duration !== undefined) instants.push(start + duration * 1000);
  }
  return instants.filter((instant) => instant > from && instant < to);
}
