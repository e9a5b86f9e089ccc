import { MAX_TIMER_MS, nextExpiryCheck } from './expiry-timer';

describe('nextExpiryCheck', () => {
  const now = 1_000_000;

  it('signs out when the token expires', () => {
    expect(nextExpiryCheck(now + 300_000, now)).toEqual({ delayMs: 300_000, expires: true });
    expect(nextExpiryCheck(now - 5, now)).toEqual({ delayMs: 0, expires: true });
  });

  it('waits the longest a timer can for a token living longer than 24.8 days, rather than signing out at once', () => {
    expect(nextExpiryCheck(now + 30 * 86_400_000, now)).toEqual({ delayMs: MAX_TIMER_MS, expires: false });
  });
});
