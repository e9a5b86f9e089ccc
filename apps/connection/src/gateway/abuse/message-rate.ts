import type { RateLimit } from '@app/config';
import { type BucketState, fullBucket, takeToken } from './token-bucket';

/** How long a station must stay within its rate for a held stretch to end: a momentary token (a scheduling hiccup) is no break. */
export const HELD_STRETCH_BREAK_MS = 1000;

export type MessageAdmission = { kind: 'pass' } | { kind: 'hold'; waitMs: number } | { kind: 'close'; heldForMs: number };

/**
 * The message rate of one station connection: a token bucket, and how long the station has
 * been held back without a break. A station whose fresh message finds a token, a second or
 * more after it was last held, has come back within its rate; one that keeps frames queued
 * behind the limit has not, and after `closeAfterMs` of that it is closed.
 */
export class MessageRate {
  private readonly bucket: BucketState;
  private heldSince: number | undefined;
  private lastHeldAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: RateLimit,
    private readonly closeAfterMs: number,
    now: number,
  ) {
    this.bucket = fullBucket(limit, now);
  }

  /**
   * Whether the next message may be handled now. `queued`: it waited behind others (or was
   * already held); only a fresh message can end a held stretch.
   */
  admit(now: number, queued: boolean): MessageAdmission {
    const waitMs = takeToken(this.bucket, this.limit, now);
    if (waitMs === 0) {
      if (!queued && now - this.lastHeldAt >= HELD_STRETCH_BREAK_MS) this.heldSince = undefined;
      return { kind: 'pass' };
    }
    this.heldSince ??= now;
    this.lastHeldAt = now;
    const heldForMs = now - this.heldSince;
    if (heldForMs >= this.closeAfterMs) return { kind: 'close', heldForMs };
    return { kind: 'hold', waitMs };
  }

  /** Held back since (undefined: not held back now). */
  get heldBackSince(): number | undefined {
    return this.heldSince;
  }
}
