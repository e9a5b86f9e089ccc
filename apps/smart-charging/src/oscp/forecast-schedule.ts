import type { LimitSlot, LimitValue } from '../limits/effective-limit';
import { MAX_PHASE_A } from '../limits/limit-value.schemas';
import type { CapacityForecastType, ForecastedBlock } from './oscp-messages.schemas';

// Forecasted blocks → a limit schedule of source oscp:<provider> (pure; docs/adr/017-oscp.md).

/** OCPP and this service convert between W and A at a nominal 230 V per phase (ADR 013). */
export const NOMINAL_VOLTAGE_V = 230;

/** What a forecast type means for this service: a limit while the provider speaks, one for when it is silent, or nothing we steer. */
export type ForecastKind = 'normal' | 'fallback' | 'ignored';

/**
 * CONSUMPTION limits what the group may import; FALLBACK_CONSUMPTION is that limit for when the
 * provider is offline. GENERATION and FALLBACK_GENERATION bound export, which no EV here does
 * (no V2G); OPTIMUM is an advisory target (a Capacity Optimizer's output), not a limit.
 */
export function forecastKindOf(type: CapacityForecastType): ForecastKind {
  if (type === 'CONSUMPTION') return 'normal';
  if (type === 'FALLBACK_CONSUMPTION') return 'fallback';
  return 'ignored';
}

export interface ForecastSchedule {
  default: LimitValue | null;
  slots: LimitSlot[];
}

export interface BlockError {
  /** Where in the message: `forecasted_blocks[3].start_time`. */
  field: string;
  message: string;
}

export type ForecastConversion = { ok: true; schedule: ForecastSchedule } | { ok: false; errors: BlockError[] };

type Bounds = { perPhaseA: (number | null)[]; totalW: number | null };

const PHASE_INDEX = { ONE: 0, TWO: 1, THREE: 2 } as const;

const lower = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

/** Milliamperes and milliwatts are finer than any station takes; rounding down never loosens a limit. */
const floor3 = (value: number): number => Math.floor(value * 1000) / 1000;

/** The average power of a block whose capacity is an energy over the block. */
function wattsOf(block: ForecastedBlock): number {
  const hours = (Date.parse(block.end_time) - Date.parse(block.start_time)) / 3_600_000;
  switch (block.unit) {
    case 'KW':
      return block.capacity * 1000;
    case 'WH':
      return block.capacity / hours;
    case 'KWH':
      return (block.capacity * 1000) / hours;
    default:
      return block.capacity;
  }
}

/** What one block bounds: amperes per phase, or watts in total (per phase: converted to amperes at 230 V). */
function boundsOf(block: ForecastedBlock): Bounds {
  const bounds: Bounds = { perPhaseA: [null, null, null], totalW: null };
  const perPhase = block.phase === 'ALL' || block.phase === 'UNKNOWN' ? [0, 1, 2] : [PHASE_INDEX[block.phase]];
  if (block.unit === 'A') {
    for (const phase of perPhase) bounds.perPhaseA[phase] = block.capacity;
  } else if (perPhase.length === 3) {
    bounds.totalW = floor3(wattsOf(block));
  } else {
    for (const phase of perPhase) bounds.perPhaseA[phase] = floor3(wattsOf(block) / NOMINAL_VOLTAGE_V);
  }
  return bounds;
}

function merged(a: Bounds, b: Bounds): Bounds {
  return { perPhaseA: a.perPhaseA.map((amperes, phase) => lower(amperes, b.perPhaseA[phase] ?? null)), totalW: lower(a.totalW, b.totalW) };
}

/** A limit value of bounds: a phase no block bounds is unlimited by this source (the largest per-phase value a schedule takes). */
function limitOf(bounds: Bounds): LimitValue {
  const constrained = bounds.perPhaseA.some((amperes) => amperes !== null);
  const perPhaseA = bounds.perPhaseA.map((amperes) => amperes ?? MAX_PHASE_A) as [number, number, number];
  return { ...(constrained ? { perPhaseA } : {}), ...(bounds.totalW === null ? {} : { totalW: bounds.totalW }) };
}

interface Interval {
  start: number;
  end: number;
  firstIndex: number;
  bounds: Bounds;
}

/**
 * The limit schedule a forecast stands for: one slot per distinct [start_time, end_time), blocks
 * of the same interval (one per phase, say) merged by taking the lower bound. Blocks of different
 * intervals must not overlap. A normal forecast limits nothing outside its blocks (default null);
 * a fallback forecast, which applies while the provider is silent and so for as long as it stays
 * silent, holds the lowest of its blocks after them.
 */
export function scheduleOfForecast(blocks: readonly ForecastedBlock[], kind: 'normal' | 'fallback'): ForecastConversion {
  const intervals = new Map<string, Interval>();
  blocks.forEach((block, index) => {
    const start = Date.parse(block.start_time);
    const end = Date.parse(block.end_time);
    const key = `${start}/${end}`;
    const existing = intervals.get(key);
    if (existing === undefined) intervals.set(key, { start, end, firstIndex: index, bounds: boundsOf(block) });
    else existing.bounds = merged(existing.bounds, boundsOf(block));
  });
  const ordered = [...intervals.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const errors: BlockError[] = [];
  ordered.forEach((interval, position) => {
    const previous = ordered[position - 1];
    if (previous !== undefined && interval.start < previous.end) {
      errors.push({
        field: `forecasted_blocks[${interval.firstIndex}].start_time`,
        message: `overlaps forecasted_blocks[${previous.firstIndex}] (${new Date(previous.start).toISOString()} – ${new Date(previous.end).toISOString()}); blocks of one interval must have the same start_time and end_time`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const slots: LimitSlot[] = ordered.map((interval) => ({
    start: new Date(interval.start).toISOString(),
    durationS: Math.max(1, Math.round((interval.end - interval.start) / 1000)),
    ...limitOf(interval.bounds),
  }));
  const lowest = ordered.reduce<Bounds | undefined>((acc, interval) => (acc === undefined ? interval.bounds : merged(acc, interval.bounds)), undefined);
  return { ok: true, schedule: { default: kind === 'fallback' && lowest !== undefined ? limitOf(lowest) : null, slots } };
}
