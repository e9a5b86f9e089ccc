/** setTimeout fires at once for any delay beyond this (2^31 - 1 ms, 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * When to look at a session's expiry next, and whether it will have expired by then: a token living longer than a
 * timer can wait is looked at again after the longest wait instead of being signed out at once.
 */
export function nextExpiryCheck(expiresAt: number, now: number): { delayMs: number; expires: boolean } {
  const remaining = Math.max(0, expiresAt - now);
  return remaining > MAX_TIMER_MS ? { delayMs: MAX_TIMER_MS, expires: false } : { delayMs: remaining, expires: true };
}
