import { DEFAULT_MAX_POINTS, DEFAULT_RANGE_MS, type DrawHistoryQuery, MAX_RANGE_MS } from './draw-history.schemas';

export interface DrawHistoryRange {
  from: number;
  to: number;
  maxPoints: number;
}

export type RangeResult = { ok: true; range: DrawHistoryRange } | { ok: false; detail: string };

/** The range a history query asks for, with its defaults (the last 3 hours, 720 points); refused when `from` is after `to` or it spans more than 31 days. */
export function drawHistoryRange(query: DrawHistoryQuery, now: number): RangeResult {
  const to = query.to?.getTime() ?? (query.from === undefined ? now : Math.max(now, query.from.getTime()));
  const from = query.from?.getTime() ?? to - DEFAULT_RANGE_MS;
  if (from > to) return { ok: false, detail: `from (${new Date(from).toISOString()}) is after to (${new Date(to).toISOString()})` };
  if (to - from > MAX_RANGE_MS) return { ok: false, detail: 'the range from … to spans more than 31 days' };
  return { ok: true, range: { from, to, maxPoints: query.maxPoints ?? DEFAULT_MAX_POINTS } };
}
