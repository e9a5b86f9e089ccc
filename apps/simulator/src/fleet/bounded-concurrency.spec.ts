import { runBounded } from './bounded-concurrency';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('runBounded', () => {
  it('never runs more than the limit at once and runs every task in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await runBounded(20, 3, async (index) => {
      started.push(index);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => setImmediate(resolve));
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('starts nothing new once aborted', async () => {
    const controller = new AbortController();
    const gate = deferred();
    const started: number[] = [];
    const run = runBounded(10, 2, async (index) => {
      started.push(index);
      await gate.promise;
    }, controller.signal);
    controller.abort();
    gate.resolve();
    await run;
    expect(started).toEqual([0, 1]);
  });

  it('handles zero tasks', async () => {
    await expect(runBounded(0, 5, async () => undefined)).resolves.toBeUndefined();
  });
});
