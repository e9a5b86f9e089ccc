// The effective limit of a node at an instant (docs/adr/013-smart-charging.md): pure, no I/O, no
// Nest, so the allocation engine can use it (or replace it with its own) as it is.

/** A limit per grid phase L1, L2, L3 in A and/or a total in W; a missing part is unlimited. */
export interface LimitValue {
  readonly perPhaseA?: [number, number, number];
  readonly totalW?: number;
}

/** A limit that applies from `start` (ISO 8601) for `durationS` seconds. */
export interface LimitSlot extends LimitValue {
  readonly start: string;
  readonly durationS: number;
}

/** What one source says about a node: a default, replaced by the slot that covers an instant. */
export interface SourceSchedule {
  readonly source: string;
  readonly default: LimitValue | null;
  readonly slots: readonly LimitSlot[];
}

type PerPhase<T> = [T, T, T];

export interface EffectiveLimit {
  /** Per grid phase, in A; null: unlimited. */
  perPhaseA: PerPhase<number | null>;
  /** In W; null: unlimited. */
  totalW: number | null;
  /** The source that sets each bound (`node` for the node's own default limit); null where unlimited. */
  boundBy: { perPhaseA: PerPhase<string | null>; totalW: string | null };
}

/** The name `boundBy` gives the node's own default limit. */
export const NODE_LIMIT = 'node';

/** What a source says at `at`: the slot covering it (start ≤ at < end), else the source's default. */
export function limitOfSourceAt(schedule: SourceSchedule, at: Date): LimitValue | null {
  const instant = at.getTime();
  const covering = schedule.slots.find((slot) => {
    const start = Date.parse(slot.start);
    return start <= instant && instant < start + slot.durationS * 1000;
  });
  return covering ?? schedule.default;
}

/**
 * The effective limit of a node at `at`: per phase and for the total, the minimum over the
 * node's own default limit and what every source says at that instant. On a tie the earlier
 * candidate (the node, then the schedules in the order given) is named.
 */
export function effectiveLimit(nodeLimit: LimitValue | null, schedules: readonly SourceSchedule[], at: Date): EffectiveLimit {
  const result: EffectiveLimit = { perPhaseA: [null, null, null], totalW: null, boundBy: { perPhaseA: [null, null, null], totalW: null } };
  const candidates = [{ source: NODE_LIMIT, limit: nodeLimit }, ...schedules.map((schedule) => ({ source: schedule.source, limit: limitOfSourceAt(schedule, at) }))];
  for (const { source, limit } of candidates) {
    limit?.perPhaseA?.forEach((amperes, phase) => {
      const current = result.perPhaseA[phase];
      if (current === null || amperes < current) {
        result.perPhaseA[phase] = amperes;
        result.boundBy.perPhaseA[phase] = source;
      }
    });
    if (limit?.totalW !== undefined && (result.totalW === null || limit.totalW < result.totalW)) {
      result.totalW = limit.totalW;
      result.boundBy.totalW = source;
    }
  }
  return result;
}
