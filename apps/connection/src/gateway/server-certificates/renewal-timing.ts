/** Never sooner than this: a PKI issuing very short certificates must not make the gateway spin. */
export const MIN_RENEWAL_DELAY_MS = 1_000;
/** First retry after a failed renewal; doubles per failure up to MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 2_000;
export const MAX_RETRY_DELAY_MS = 5 * 60_000;

/**
 * How long until the certificate received at `receivedAt` and valid until `notAfter` is renewed:
 * at 2/3 of its remaining life from when we got it (notBefore is backdated by the PKI, so it is not
 * the start of the useful life), leaving a third for retries while the PKI is down.
 */
export function renewalDelay(now: Date, receivedAt: Date, notAfter: Date): number {
  const renewAt = receivedAt.getTime() + ((notAfter.getTime() - receivedAt.getTime()) * 2) / 3;
  return Math.max(MIN_RENEWAL_DELAY_MS, renewAt - now.getTime());
}

/**
 * The wait before retry number `failures` (1 = after the first failure): doubling from
 * FIRST_RETRY_DELAY_MS, capped, and never past the moment the current certificate expires
 * (minus the minimum delay), so a late retry still has a chance.
 */
export function retryDelay(failures: number, now: Date, currentNotAfter: Date | undefined): number {
  const backoff = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failures - 1));
  if (currentNotAfter === undefined) return backoff;
  return Math.max(MIN_RENEWAL_DELAY_MS, Math.min(backoff, currentNotAfter.getTime() - now.getTime() - MIN_RENEWAL_DELAY_MS));
}
