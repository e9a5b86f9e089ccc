import { withinDeadline } from './deadline';

describe('withinDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives the value of work that settles in time', async () => {
    await expect(withinDeadline(Promise.resolve(42), 1000)).resolves.toEqual({ ok: true, value: 42 });
  });

  it('gives the error of work that fails in time', async () => {
    const error = new Error('broker unavailable');
    await expect(withinDeadline(Promise.reject(error), 1000)).resolves.toEqual({ ok: false, reason: 'failed', error });
  });

  it('gives up after the deadline', async () => {
    const outcome = withinDeadline(new Promise<never>(() => undefined), 1000);
    jest.advanceTimersByTime(999);
    await Promise.resolve();
    jest.advanceTimersByTime(1);
    await expect(outcome).resolves.toEqual({ ok: false, reason: 'timeout' });
  });

  it('leaves no timer behind', async () => {
    await withinDeadline(Promise.resolve(1), 60_000);
    expect(jest.getTimerCount()).toBe(0);
  });
});
