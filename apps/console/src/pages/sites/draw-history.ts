import { formatNumber, formatQuantity } from '../../components/format';
import type { HistoryPoint, NodeDrawHistory, Triple } from './site-types';

/** The ranges the chart offers, and how far back each reaches. */
export const historyRanges = [
  { value: '1h', label: '1 h', ms: 3_600_000 },
  { value: '3h', label: '3 h', ms: 3 * 3_600_000 },
  { value: '12h', label: '12 h', ms: 12 * 3_600_000 },
] as const;
export type HistoryRange = (typeof historyRanges)[number]['value'];

export function rangeMs(range: HistoryRange): number {
  return historyRanges.find((entry) => entry.value === range)?.ms ?? historyRanges[0].ms;
}

/** Points a first load asks for: enough for a smooth line, few enough for a 2-core laptop to draw every 5 s. */
export const FIRST_LOAD_MAX_POINTS = 720;

export const phases = ['L1', 'L2', 'L3'] as const;

/**
 * Adds the samples of a poll to those shown. The poll asks from the last point shown (inclusive), so that point
 * (possibly a folded bucket of the first load) is replaced by what the server has now; points that fell out of
 * the range on the left are dropped. The range itself never resets.
 */
export function mergeHistory(shown: readonly HistoryPoint[], polled: readonly HistoryPoint[], polledFrom: number, windowStart: number): HistoryPoint[] {
  const kept = shown.filter((point) => Date.parse(point.at) < polledFrom);
  const merged = [...kept, ...polled].filter((point) => Date.parse(point.at) >= windowStart);
  return merged.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Where the next poll starts: the last point shown, or the start of the range when none is. */
export function nextPollFrom(shown: readonly HistoryPoint[], windowStart: number): number {
  return shown.length > 0 ? Date.parse(shown[shown.length - 1].at) : windowStart;
}

export interface ChartRow {
  time: number;
  limitL1: number | null;
  limitL2: number | null;
  limitL3: number | null;
  drawL1: number;
  drawL2: number;
  drawL3: number;
  /** The power limit in kW (null where none): its own line on a second axis. Not turned into A per phase: the history does not know the voltage. */
  limitKW: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** One row per point for the chart: the limit per phase (a line; null where none), the draw per phase (an area) and the power limit in kW. */
export function chartRows(points: readonly HistoryPoint[]): ChartRow[] {
  return points.map((point) => ({
    limitKW: point.limitW === null ? null : round1(point.limitW / 1000),
    time: Date.parse(point.at),
    limitL1: point.limitA ? round1(point.limitA[0]) : null,
    limitL2: point.limitA ? round1(point.limitA[1]) : null,
    limitL3: point.limitA ? round1(point.limitA[2]) : null,
    drawL1: round1(point.drawnA[0]),
    drawL2: round1(point.drawnA[1]),
    drawL3: round1(point.drawnA[2]),
  }));
}

const amps = (value: number) => formatQuantity(value, 'A');

/** Whether any point has a power (W) limit: the chart then draws it on its own kW axis. */
export function hasPowerLimit(points: readonly HistoryPoint[]): boolean {
  return points.some((point) => point.limitW !== null);
}

/**
 * The limit and draw now: those of the chart's last point, so the words say what the chart shows (the service
 * samples at once when a limit changes); the latest plan's limit only while the range holds no sample yet.
 */
export function latestFigures(history: Pick<NodeDrawHistory, 'current'>, points: readonly HistoryPoint[]): { limitA: Triple | null; limitW: number | null; drawnA: Triple | null } {
  const last = points.length > 0 ? points[points.length - 1] : undefined;
  const limit = last ?? history.current;
  return { limitA: limit?.limitA ?? null, limitW: limit?.limitW ?? null, drawnA: last?.drawnA ?? null };
}

/**
 * "Limit now 32 A, draw 20.5 A on L1; limit 32 A, draw 20.5 A on L2; …": what the chart shows now, for everyone;
 * a power limit follows as "Power limit now 11 kW." (with no per-phase limit, the phases say "no limit per phase").
 */
export function historySummary(figures: { limitA: Triple | null; limitW?: number | null; drawnA: Triple | null }): string {
  const limitW = figures.limitW ?? null;
  if (!figures.drawnA && !figures.limitA && limitW === null) return 'No samples yet in this range.';
  const unlimited = limitW === null ? 'unlimited' : 'no limit per phase';
  const parts = phases.map((phase, index) => {
    const limit = figures.limitA ? amps(figures.limitA[index]) : unlimited;
    const draw = figures.drawnA ? amps(figures.drawnA[index]) : 'unknown';
    return `${index === 0 ? 'Limit now' : 'limit'} ${limit}, draw ${draw} on ${phase}`;
  });
  const power = limitW === null ? '' : ` Power limit now ${formatNumber(limitW / 1000)} kW.`;
  return `${parts.join('; ')}.${power}`;
}

const tickSteps = [10_000, 30_000, 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000, 3_600_000, 2 * 3_600_000, 3 * 3_600_000];

/** Ticks of the time axis on whole steps (10 s … 3 h), at most `most` of them between `from` and `to`. */
export function timeTicks(from: number, to: number, most = 7): number[] {
  if (!(to > from)) return [];
  const step = tickSteps.find((candidate) => (to - from) / candidate <= most) ?? tickSteps[tickSteps.length - 1];
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}

/** A tick's label: hours and minutes, with seconds when the ticks are less than a minute apart. */
export function tickLabel(epochMs: number, ticks: readonly number[]): string {
  const fine = ticks.length > 1 && ticks[1] - ticks[0] < 60_000;
  return new Date(epochMs).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(fine ? { second: '2-digit' } : {}) });
}
