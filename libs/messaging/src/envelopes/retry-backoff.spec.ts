import { backoffDelay, sleep } from './retry-backoff';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('doubles per attempt and stops at the cap', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 40].map((attempt) => backoffDelay(attempt, policy, middle))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitters within ±20 %', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(80);
    expect(backoffDelay(1, policy, () => 1)).toBe(120);
  });
});

describe('sleep', () => {
  it('rejects as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const slept = sleep(10_000, controller.signal);
    controller.abort(new Error('stopping'));
    await expect(slept).rejects.toThrow('stopping');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
