import { type ForecastSchedule, scheduleOfForecast } from './forecast-schedule';
import type { ForecastedBlock } from './oscp-messages.schemas';

export interface GroupForecasts {
  normal?: readonly ForecastedBlock[];
  fallback?: readonly ForecastedBlock[];
}

export type AppliedForecast = { kind: 'normal' | 'fallback'; schedule: ForecastSchedule } | { kind: 'none' };

/**
 * What the group's node is limited by, from this provider: while it speaks, its normal forecast;
 * while it is silent, its fallback forecast, or the normal one when it never sent a fallback
 * (the last word it gave is better than none); nothing when it sent neither. Stored forecasts
 * were validated when they arrived, so their conversion cannot fail.
 */
export function appliedForecast(silent: boolean, forecasts: GroupForecasts): AppliedForecast {
  const order = silent ? (['fallback', 'normal'] as const) : (['normal'] as const);
  for (const kind of order) {
    const blocks = forecasts[kind];
    if (blocks === undefined) continue;
    const converted = scheduleOfForecast(blocks, kind);
    if (converted.ok) return { kind, schedule: converted.schedule };
  }
  return { kind: 'none' };
}
