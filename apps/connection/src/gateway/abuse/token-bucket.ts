import type { RateLimit } from '@app/config';

/** The state of one token bucket: plain data, so that tables of them cost two numbers an entry. */
export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export function fullBucket(limit: RateLimit, now: number): BucketState {
  return { tokens: limit.burst, updatedAt: now };
}

function refill(state: BucketState, limit: RateLimit, now: number): void {
  const elapsedSeconds = Math.max(0, now - state.updatedAt) / 1000;
  state.tokens = Math.min(limit.burst, state.tokens + elapsedSeconds * limit.perSecond);
  state.updatedAt = now;
}

/**
 * Takes one token: 0 when there was one, else the milliseconds until there is one (the wait a
 * Retry-After or a paused socket should last). A limit of 0 per second never runs dry.
 */
export function takeToken(state: BucketState, limit: RateLimit, now: number): number {
  if (limit.perSecond === 0) return 0;
  refill(state, limit, now);
  if (state.tokens >= 1) {
    state.tokens -= 1;
    return 0;
  }
  return Math.ceil(((1 - state.tokens) / limit.perSecond) * 1000);
}

/** A bucket that has refilled completely is the same as no bucket: its entry may go. */
export function isFull(state: BucketState, limit: RateLimit, now: number): boolean {
  refill(state, limit, now);
  return state.tokens >= limit.burst;
}
