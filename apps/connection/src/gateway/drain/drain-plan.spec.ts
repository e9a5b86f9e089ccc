import { batchesOf, drainPlan } from './drain-plan';

describe('drainPlan', () => {
  const config = { windowMs: 10_000, minBatchSize: 50, batchIntervalMs: 500 };

  it('closes a few stations in one batch at once', () => {
    expect(drainPlan(30, config)).toEqual({ batchSize: 50, batches: 1, intervalMs: 500 });
  });

  it('keeps the smallest batch size while the window has room for the batches', () => {
    // 21 slots (0 s, 0.5 s, ... 10 s): 1,000 stations fit in 20 batches of 50.
    expect(drainPlan(1000, config)).toEqual({ batchSize: 50, batches: 20, intervalMs: 500 });
  });

  it('grows the batches so that every station is closed within the window', () => {
    const plan = drainPlan(10_000, config);
    expect(plan.batchSize).toBe(477);
    expect(plan.batches).toBe(21);
    expect((plan.batches - 1) * plan.intervalMs).toBeLessThanOrEqual(config.windowMs);
  });

  it('closes everything in one batch when the window is 0', () => {
    expect(drainPlan(5000, { ...config, windowMs: 0 })).toEqual({ batchSize: 5000, batches: 1, intervalMs: 500 });
  });

  it('plans nothing for no stations', () => {
    expect(drainPlan(0, config).batches).toBe(0);
  });

  it('cuts the stations into the planned batches, in order', () => {
    const plan = drainPlan(7, { windowMs: 1000, minBatchSize: 3, batchIntervalMs: 500 });
    expect(batchesOf(['a', 'b', 'c', 'd', 'e', 'f', 'g'], plan)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });
});
