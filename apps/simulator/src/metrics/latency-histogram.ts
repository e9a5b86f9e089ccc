/** Relative width of a bucket: percentiles are exact to within 2 %. */
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Values below 1 µs share the first bucket. */
const SMALLEST_MS = 0.001;

export interface LatencySummary {
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Round-trip times in logarithmic buckets: constant memory however many samples, so one
 * histogram per action serves a fleet of 100 000 stations. Percentiles report the upper edge of
 * their bucket, capped by the exact maximum.
 */
export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  private total = 0;
  private sumMs = 0;
  private maximumMs = 0;

  record(ms: number): void {
    const value = Math.max(ms, 0);
    const index = value <= SMALLEST_MS ? 0 : Math.ceil(Math.log(value / SMALLEST_MS) / LOG_GROWTH);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
    this.total += 1;
    this.sumMs += value;
    this.maximumMs = Math.max(this.maximumMs, value);
  }

  /** Adds every sample of `other` to this histogram. */
  merge(other: LatencyHistogram): void {
    for (const [index, count] of other.buckets) this.buckets.set(index, (this.buckets.get(index) ?? 0) + count);
    this.total += other.total;
    this.sumMs += other.sumMs;
    this.maximumMs = Math.max(this.maximumMs, other.maximumMs);
  }

  get count(): number {
    return this.total;
  }

  /** The smallest recorded bound under which `fraction` (0-1) of the samples lie; 0 when empty. */
  percentile(fraction: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(Math.min(Math.max(fraction, 0), 1) * this.total));
    let seen = 0;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index) ?? 0;
      if (seen >= rank) return Math.min(SMALLEST_MS * GROWTH ** index, this.maximumMs);
    }
    return this.maximumMs;
  }

  summary(): LatencySummary {
    return {
      count: this.total,
      meanMs: this.total === 0 ? 0 : this.sumMs / this.total,
      p50Ms: this.percentile(0.5),
      p90Ms: this.percentile(0.9),
      p99Ms: this.percentile(0.99),
      maxMs: this.maximumMs,
    };
  }
}
