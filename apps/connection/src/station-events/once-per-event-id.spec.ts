import { OncePerEventId } from './once-per-event-id';

/** A publish that settles when the test says so. */
function pending() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('OncePerEventId', () => {
  it('lets a second publish of an id in flight join the first instead of producing again', async () => {
    const once = new OncePerEventId();
    const first = pending();
    const produce = jest.fn(() => first.promise);
    const a = once.run('e-1', produce);
    const b = once.run('e-1', produce);
    expect(produce).toHaveBeenCalledTimes(1);
    first.resolve();
    await expect(Promise.all([a, b])).resolves.toEqual([undefined, undefined]);
    expect(once.inFlightCount).toBe(0);
  });

  it('resolves at once for an id acknowledged recently, without producing', async () => {
    const once = new OncePerEventId();
    const produce = jest.fn(async () => undefined);
    await once.run('e-1', produce);
    await once.run('e-1', produce);
    expect(produce).toHaveBeenCalledTimes(1);
  });

  it('rejects every joined caller when the publish fails, and produces again on the next attempt', async () => {
    const once = new OncePerEventId();
    const first = pending();
    const a = once.run('e-1', () => first.promise);
    const b = once.run('e-1', () => Promise.resolve());
    first.reject(new Error('broker unavailable'));
    await expect(a).rejects.toThrow('broker unavailable');
    await expect(b).rejects.toThrow('broker unavailable');
    const retry = jest.fn(async () => undefined);
    await once.run('e-1', retry);
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('keeps ids apart: another id is produced while the first is in flight', async () => {
    const once = new OncePerEventId();
    const first = pending();
    const produce = jest.fn(() => first.promise);
    const a = once.run('e-1', produce);
    const b = once.run('e-2', produce);
    expect(produce).toHaveBeenCalledTimes(2);
    first.resolve();
    await Promise.all([a, b]);
  });

  it('forgets an acknowledged id after its time to live', async () => {
    let now = 0;
    const once = new OncePerEventId({ ttlMs: 1000, now: () => now });
    const produce = jest.fn(async () => undefined);
    await once.run('e-1', produce);
    now = 999;
    await once.run('e-1', produce);
    expect(produce).toHaveBeenCalledTimes(1);
    now = 1000;
    await once.run('e-1', produce);
    expect(produce).toHaveBeenCalledTimes(2);
  });

  it('remembers at most `capacity` ids, forgetting the least recently acknowledged first', async () => {
    const once = new OncePerEventId({ capacity: 2 });
    const produce = jest.fn(async () => undefined);
    for (const id of ['e-1', 'e-2', 'e-3']) await once.run(id, produce);
    expect(once.rememberedCount).toBe(2);
    await once.run('e-3', produce);
    await once.run('e-2', produce);
    expect(produce).toHaveBeenCalledTimes(3);
    await once.run('e-1', produce);
    expect(produce).toHaveBeenCalledTimes(4);
  });

  it('drops expired ids as new ones arrive, so the memory shrinks with the traffic', async () => {
    let now = 0;
    const once = new OncePerEventId({ ttlMs: 1000, now: () => now });
    for (const id of ['e-1', 'e-2', 'e-3']) await once.run(id, async () => undefined);
    now = 1500;
    await once.run('e-4', async () => undefined);
    expect(once.rememberedCount).toBe(1);
  });
});
