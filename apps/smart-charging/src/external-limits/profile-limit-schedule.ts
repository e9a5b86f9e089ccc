import type { LimitValue } from '../limits/effective-limit';
import { type LimitSchedule, MAX_SLOTS, MAX_SLOT_DURATION_S } from '../limits/limit-schedule.schemas';
import { MAX_PHASE_A, MAX_TOTAL_W } from '../limits/limit-value.schemas';
import type { ForeignPeriod, ForeignProfile } from './foreign-profile';

const DAY_S = 86_400;
const CYCLE_S: Readonly<Record<'daily' | 'weekly', number>> = { daily: DAY_S, weekly: 7 * DAY_S };
/** A schedule whose last period goes on without end is written this far ahead (the slots need an end). */
export const OPEN_END_HORIZON_S = 5 * 366 * DAY_S;
/** Recurring schedules are unrolled this far ahead of the cycle in force (or until the slots run out). */
export const RECURRING_HORIZON_S = 366 * DAY_S;

/** What a profile's schedule needs to be placed in time. */
export interface PlacementContext {
  /** When the station took the profile (or reported the limit): the start of an absolute schedule without one. */
  now: number;
  /** The start of the transaction a relative schedule runs from, when one is known. */
  relativeStart?: number;
}

interface Interval {
  from: number;
  to: number;
  limit: number;
}

function limitValue(unit: 'A' | 'W', limit: number): LimitValue {
  if (unit === 'W') return { totalW: Math.min(Math.max(0, limit), MAX_TOTAL_W) };
  const amps = Math.min(Math.max(0, limit), MAX_PHASE_A);
  return { perPhaseA: [amps, amps, amps] };
}

function sortedPeriods(periods: readonly ForeignPeriod[]): ForeignPeriod[] {
  const byStart = new Map<number, ForeignPeriod>();
  for (const period of periods) byStart.set(period.startS, period);
  return [...byStart.values()].sort((a, b) => a.startS - b.startS);
}

/** The periods of one run of the schedule from `anchor`, cut at `durationS` (and at `cycleS` for a recurring one). */
function runFrom(anchor: number, periods: readonly ForeignPeriod[], endS: number | undefined): Interval[] {
  const intervals: Interval[] = [];
  periods.forEach((period, index) => {
    const next = periods[index + 1];
    const fromS = period.startS;
    const toS = Math.min(next?.startS ?? Number.POSITIVE_INFINITY, endS ?? Number.POSITIVE_INFINITY);
    if (toS > fromS) intervals.push({ from: anchor + fromS * 1000, to: anchor + toS * 1000, limit: period.limit });
  });
  return intervals;
}

function recurringRuns(profile: ForeignProfile, periods: readonly ForeignPeriod[], now: number): Interval[] {
  const cycleMs = CYCLE_S[profile.recurrency ?? 'daily'] * 1000;
  const origin = profile.schedule.startSchedule ?? now;
  const first = now <= origin ? origin : origin + Math.floor((now - origin) / cycleMs) * cycleMs;
  const endS = Math.min(profile.schedule.durationS ?? Number.POSITIVE_INFINITY, cycleMs / 1000);
  const intervals: Interval[] = [];
  for (let anchor = first; anchor < first + RECURRING_HORIZON_S * 1000 && intervals.length <= MAX_SLOTS; anchor += cycleMs) {
    // One interval past the limit is enough to tell that the slots ran out.
    intervals.push(...runFrom(anchor, periods, endS).filter((interval) => interval.to > now));
  }
  return intervals;
}

const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** Cut into slots no longer than a slot may last. */
function sliced(interval: Interval): Interval[] {
  const pieces: Interval[] = [];
  for (let from = interval.from; from < interval.to; from += MAX_SLOT_DURATION_S * 1000) {
    pieces.push({ from, to: Math.min(interval.to, from + MAX_SLOT_DURATION_S * 1000), limit: interval.limit });
  }
  return pieces;
}

/**
 * A profile's schedule as a limit schedule (docs/adr/018-limits-set-by-others.md), placed in time
 * as the station places it:
 * - absolute: from startSchedule (or when the station took it), each period until the next, the
 *   last until the duration ends, or without end;
 * - relative: from the transaction's start when it is known; when it is not (a TxDefaultProfile
 *   waiting for the next transaction), its lowest period as a default, which holds at any time;
 * - recurring: from startSchedule every day or week, each run cut at its duration (at most one
 *   cycle), unrolled from the run in force for a year or until the slots run out;
 * all of it within validFrom/validTo. A limit in A holds on every phase, one in W in total; the
 * number of phases the EV may use does not change it. What is already over is left out; a part
 * without end is written five years ahead. When the slots run out (1,000), the lowest limit of
 * the schedule becomes the default (after the last slot, and in the gaps between slots):
 * stricter than the profile, never looser.
 */
export function profileLimitSchedule(profile: ForeignProfile, context: PlacementContext): LimitSchedule {
  const { schedule } = profile;
  const periods = sortedPeriods(schedule.periods);
  if (periods.length === 0) return { default: null, slots: [] };
  const lowest = Math.min(...periods.map((period) => period.limit));
  let intervals: Interval[];
  if (profile.kind === 'recurring') intervals = recurringRuns(profile, periods, context.now);
  else if (profile.kind === 'relative') {
    if (context.relativeStart === undefined) return { default: limitValue(schedule.unit, lowest), slots: [] };
    intervals = runFrom(context.relativeStart, periods, schedule.durationS);
  } else intervals = runFrom(schedule.startSchedule ?? context.now, periods, schedule.durationS);
  const validFrom = Math.max(profile.validFrom ?? Number.NEGATIVE_INFINITY, context.now);
  const validTo = Math.min(profile.validTo ?? Number.POSITIVE_INFINITY, context.now + OPEN_END_HORIZON_S * 1000);
  const clipped = intervals
    // Whole seconds, like slots: neighbours share their boundary, so they never overlap.
    .map((interval) => ({ ...interval, from: wholeSecond(Math.max(interval.from, validFrom)), to: wholeSecond(Math.min(interval.to, validTo)) }))
    .filter((interval) => interval.to > interval.from)
    .flatMap(sliced);
  const kept = clipped.slice(0, MAX_SLOTS);
  const slots = kept.map((interval) => ({ start: new Date(interval.from).toISOString(), durationS: (interval.to - interval.from) / 1000, ...limitValue(schedule.unit, interval.limit) }));
  return { default: clipped.length > MAX_SLOTS ? limitValue(schedule.unit, lowest) : null, slots };
}

function sameValue(a: LimitValue | null | undefined, b: LimitValue | null | undefined): boolean {
  return a?.totalW === b?.totalW && (a?.perPhaseA ?? []).join() === (b?.perPhaseA ?? []).join();
}

/** Whether two schedules say the same (slots in time order, starts in UTC, as stored). */
export function sameSchedule(a: LimitSchedule, b: LimitSchedule): boolean {
  if (!sameValue(a.default, b.default) || a.slots.length !== b.slots.length) return false;
  return a.slots.every((slot, index) => {
    const other = b.slots[index];
    return other !== undefined && Date.parse(slot.start) === Date.parse(other.start) && slot.durationS === other.durationS && sameValue(slot, other);
  });
}
