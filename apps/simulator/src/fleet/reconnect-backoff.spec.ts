import { RECONNECT_BACKOFF, reconnectBoundMs, reconnectDelayMs } from './reconnect-backoff';

describe('reconnectDelayMs', () => {
  it('waits 0.5-1 s before the first attempt, then doubles up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => reconnectDelayMs(attempt, () => 1))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(reconnectDelayMs(0, () => 0)).toBe(500);
    expect(reconnectDelayMs(10, () => 0)).toBe(RECONNECT_BACKOFF.maxMs / 2);
  });

  it('bounds the total wait up to an attempt', () => {
    expect(reconnectBoundMs(0)).toBe(1000);
    expect(reconnectBoundMs(2)).toBe(7000);
  });
});
