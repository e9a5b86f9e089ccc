/**
 * The limit of a sent profile at an instant, from its record as `…/charging` shows it: `startSchedule` (ISO),
 * `rateUnit` (`A` or `W`) and `periods` `{ startPeriodS, limit }` in time order; the last period goes on.
 */
export function profileLimitNow(profile: Record<string, unknown>, now: number = Date.now()): string {
  const start = typeof profile.startSchedule === 'string' ? Date.parse(profile.startSchedule) : Number.NaN;
  const periods = Array.isArray(profile.periods) ? (profile.periods as { startPeriodS?: unknown; limit?: unknown }[]) : [];
  const unit = profile.rateUnit === 'W' ? 'W' : 'A';
  if (Number.isNaN(start) || periods.length === 0) return '—';
  if (now < start) return 'not started';
  const elapsedS = (now - start) / 1000;
  let current: number | undefined;
  for (const period of periods) if (typeof period.startPeriodS === 'number' && typeof period.limit === 'number' && period.startPeriodS <= elapsedS) current = period.limit;
  return current === undefined ? '—' : `${Number(current.toFixed(1)).toLocaleString('en-GB')} ${unit}`;
}
