/**
 * How long a station of a fleet waits before its n-th attempt (0-based) to reconnect after the
 * CSMS dropped or closed its connection (1001 Going Away from a draining replica, 1012, a crash):
 * 1 s doubling to 30 s, each spread over 50-100 % of it so that a replica's stations do not all
 * come back in one wave. OCPP 2.0.1's RetryBackOff* settings describe the same shape.
 */
export const RECONNECT_BACKOFF = { firstMs: 1000, maxMs: 30_000 } as const;

export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_BACKOFF.firstMs * 2 ** Math.min(attempt, 30), RECONNECT_BACKOFF.maxMs);
  return ceiling * (0.5 + random() / 2);
}

/** The longest a station can wait in all before its n-th attempt (0-based): the bound a test may hold a reconnect to. */
export function reconnectBoundMs(attempt: number): number {
  let total = 0;
  for (let index = 0; index <= attempt; index += 1) total += reconnectDelayMs(index, () => 1);
  return total;
}
