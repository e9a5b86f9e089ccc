import type { RateLimit } from '@app/config';
import { type BucketState, fullBucket, takeToken } from './token-bucket';

export type MessageAdmission = { kind: 'pass' } | { kind: 'hold'; waitMs: number } | { kind: 'close'; heldForMs: number };

/**
 * The message rate of one station connection: a token bucket, and how long the station has
 * been held back without a break. A station that waits for its answers (as OCPP-J asks) and
 * finds a token when its next message arrives is not being held back, even if it was a moment
 * ago; one that keeps frames queued behind the limit is, and after `closeAfterMs` of that it is
 * closed.
 */
export class MessageRate {
  private readonly bucket: BucketState;
  private heldSince: number | undefined;

  constructor(
    private readonly limit: RateLimit,
    private readonly closeAfterMs: number,
    now: number,
  ) {
    this.bucket = fullBucket(limit, now);
  }

  /**
   * Whether the next message may be handled now. `queued`: it waited behind others (or was
   * already held); a fresh message that finds a token ends a held stretch.
   */
  admit(now: number, queued: boolean): MessageAdmission {
    const waitMs = takeToken(this.bucket, this.limit, now);
    if (waitMs === 0) {
      if (!queued) this.heldSince = undefined;
      return { kind: 'pass' };
    }
    this.heldSince ??= now;
    const heldForMs = now - this.heldSince;
    if (heldForMs >= this.closeAfterMs) return { kind: 'close', heldForMs };
    return { kind: 'hold', waitMs };
  }

  /** Held back since (undefined: not held back now). */
  get heldBackSince(): number | undefined {
    return this.heldSince;
  }
}
