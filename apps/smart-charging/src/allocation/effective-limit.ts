import type { Limit, PhaseTriple } from './allocation.types';

/** A limit for a time: from `start` (epoch ms) for `durationS` seconds. */
export interface LimitSlot {
  start: number;
  durationS: number;
  limit: Limit;
}

/** One source's limits on one node (`operator`, `grid-operator`, `oscp:<provider>`, `station:<id>`, …). */
export interface LimitSchedule {
  source: string;
  /** In force wherever no slot of this source is. */
  default?: Limit;
  slots: readonly LimitSlot[];
}

const unlimited = Number.POSITIVE_INFINITY;

function slotEnd(slot: LimitSlot): number {
  return slot.start + slot.durationS * 1000;
}

/** The tighter of two limits, per phase and for total W; what neither names stays unlimited. */
export function tighterLimit(a: Limit | undefined, b: Limit | undefined): Limit {
  const result: Limit = {};
  const perPhase = [a?.perPhaseA, b?.perPhaseA].filter((triple): triple is PhaseTriple => triple !== undefined);
  if (perPhase.length > 0) {
    const least = (slot: number) => Math.min(...perPhase.map((triple) => triple[slot] ?? unlimited));
    result.perPhaseA = [least(0), least(1), least(2)];
  }
  const totals = [a?.totalW, b?.totalW].filter((watts): watts is number => watts !== undefined);
  if (totals.length > 0) result.totalW = Math.min(...totals);
  return result;
}

/**
 * A node's effective limit at instant `at` (ADR 013): per phase and for total W, the least of its
 * own default and, for each source, the slot covering `at` (else that source's default). What
 * nothing limits is missing (unlimited); a phase only some limits name is `Infinity` in the triple.
 */
export function effectiveLimit(own: Limit | undefined, schedules: readonly LimitSchedule[], at: number): Limit {
  let limit = tighterLimit(own, undefined);
  for (const schedule of schedules) {
    const slot = schedule.slots.find((candidate) => candidate.start <= at && at < slotEnd(candidate));
    limit = tighterLimit(limit, slot ? slot.limit : schedule.default);
  }
  return limit;
}

/**
 * The least limit in force at any instant of [from, to): for each source the slots that overlap the
 * window, and its default if some part of the window is not covered by a slot. For the fail-safe,
 * which must hold over the whole time it may stand.
 */
export function lowestLimit(own: Limit | undefined, schedules: readonly LimitSchedule[], from: number, to: number): Limit {
  let limit = tighterLimit(own, undefined);
  for (const schedule of schedules) {
    const overlapping = schedule.slots.filter((slot) => slot.start < to && slotEnd(slot) > from).sort((a, b) => a.start - b.start);
    for (const slot of overlapping) limit = tighterLimit(limit, slot.limit);
    if (!covers(overlapping, from, to)) limit = tighterLimit(limit, schedule.default);
  }
  return limit;
}

function covers(slotsByStart: readonly LimitSlot[], from: number, to: number): boolean {
  let coveredUntil = from;
  for (const slot of slotsByStart) {
    if (slot.start > coveredUntil) return false;
    coveredUntil = Math.max(coveredUntil, slotEnd(slot));
    if (coveredUntil >= to) return true;
  }
  return coveredUntil >= to;
}

/**
 * The next instant after `after` at which any slot starts or ends: when the allocation must run
 * again, and where a profile period ends. Undefined when nothing changes any more.
 */
export function nextBoundary(schedules: readonly LimitSchedule[], after: number): number | undefined {
  let next = unlimited;
  for (const schedule of schedules) {
    for (const slot of schedule.slots) {
      if (slot.start > after) next = Math.min(next, slot.start);
      else if (slotEnd(slot) > after) next = Math.min(next, slotEnd(slot));
    }
  }
  return next === unlimited ? undefined : next;
}
