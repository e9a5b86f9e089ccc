import type { RateLimit } from '@app/config';
import { BoundedTable } from './bounded-table';
import { type BucketState, fullBucket, isFull, takeToken } from './token-bucket';

/**
 * One token bucket per key (an address, a station id) in a bounded table. A bucket evicted to
 * make room was the least recently used one, which is the one most likely to have refilled:
 * forgetting it costs at most one extra burst for that key.
 */
export class KeyedRateLimiter {
  private readonly buckets: BoundedTable<BucketState>;

  constructor(
    private readonly limit: RateLimit,
    capacity: number,
  ) {
    this.buckets = new BoundedTable(capacity);
  }

  /** 0 when `key` may go ahead now, else the milliseconds until it may. */
  take(key: string, now: number): number {
    if (this.limit.perSecond === 0) return 0;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = fullBucket(this.limit, now);
      this.buckets.set(key, bucket);
    }
    return takeToken(bucket, this.limit, now);
  }

  /** Drops buckets that have refilled: they hold nothing a fresh bucket would not. */
  sweep(now: number): void {
    this.buckets.sweep((bucket) => isFull(bucket, this.limit, now));
  }

  get size(): number {
    return this.buckets.size;
  }
}
