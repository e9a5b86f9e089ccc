import type { GatewayDrainConfig } from '@app/config';

/** When each batch of a drain closes and how many stations it takes. */
export interface DrainPlan {
  batchSize: number;
  batches: number;
  intervalMs: number;
}

/**
 * Batches of at least `minBatchSize` stations, one every `batchIntervalMs`, larger when the
 * stations would not all be closed within `windowMs` otherwise (ADR 045). Paced, so that the
 * replicas taking the stations over see a stream of reconnects, not one storm.
 */
export function drainPlan(stations: number, config: GatewayDrainConfig): DrainPlan {
  if (stations === 0) return { batchSize: 0, batches: 0, intervalMs: config.batchIntervalMs };
  // Batches start at 0, interval, 2 × interval, ... up to the end of the window.
  const slots = Math.floor(config.windowMs / config.batchIntervalMs) + 1;
  const batchSize = Math.max(config.minBatchSize, Math.ceil(stations / slots));
  return { batchSize, batches: Math.ceil(stations / batchSize), intervalMs: config.batchIntervalMs };
}

/** `items` cut into the plan's batches, in order. */
export function batchesOf<T>(items: readonly T[], plan: DrainPlan): T[][] {
  return Array.from({ length: plan.batches }, (_, index) => items.slice(index * plan.batchSize, (index + 1) * plan.batchSize));
}
