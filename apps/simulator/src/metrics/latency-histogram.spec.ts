import { LatencyHistogram } from './latency-histogram';

function histogramOf(values: number[]): LatencyHistogram {
  const histogram = new LatencyHistogram();
  values.forEach((value) => histogram.record(value));
  return histogram;
}

describe('LatencyHistogram', () => {
  it('reports zeros when empty', () => {
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('finds percentiles of 1..1000 ms within 2 %', () => {
    const summary = histogramOf(Array.from({ length: 1000 }, (_, i) => i + 1)).summary();
    expect(summary.count).toBe(1000);
    expect(summary.meanMs).toBeCloseTo(500.5);
    expect(summary.p50Ms).toBeGreaterThanOrEqual(500);
    expect(summary.p50Ms).toBeLessThanOrEqual(510);
    expect(summary.p90Ms).toBeGreaterThanOrEqual(900);
    expect(summary.p90Ms).toBeLessThanOrEqual(918);
    expect(summary.p99Ms).toBeGreaterThanOrEqual(990);
    expect(summary.p99Ms).toBeLessThanOrEqual(1000);
    expect(summary.maxMs).toBe(1000);
  });

  it('never reports a percentile above the maximum', () => {
    const summary = histogramOf([3.3, 3.3, 3.3]).summary();
    expect(summary.p99Ms).toBe(3.3);
    expect(summary.p50Ms).toBe(3.3);
  });

  it('sees one slow call among many fast ones at p99 only when it is more than 1 %', () => {
    const fast = Array.from({ length: 99 }, () => 1);
    const summary = histogramOf([...fast, 500]).summary();
    expect(summary.p50Ms).toBeCloseTo(1, 1);
    expect(summary.p99Ms).toBeCloseTo(1, 1);
    expect(summary.maxMs).toBe(500);
    expect(histogramOf([...fast.slice(0, 98), 500, 500]).summary().p99Ms).toBe(500);
  });

  it('merges histograms', () => {
    const merged = histogramOf([1, 2]);
    merged.merge(histogramOf([100]));
    expect(merged.summary()).toMatchObject({ count: 3, maxMs: 100 });
    expect(merged.percentile(1)).toBe(100);
  });

  it('counts zero and negative durations in the first bucket', () => {
    expect(histogramOf([0, -1]).summary()).toMatchObject({ count: 2, p50Ms: 0, maxMs: 0 });
  });
});
