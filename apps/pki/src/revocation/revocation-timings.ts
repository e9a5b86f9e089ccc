const HOUR = 3600 * 1000;

/** How long what the PKI publishes about revocation may be relied on, and when it is renewed. */
export interface RevocationTimings {
  /** nextUpdate − thisUpdate of a CRL: how long a relying party may use it without fetching again. */
  readonly crlValidityMs: number;
  /** A CRL older than this is renewed on the next fetch, well before its nextUpdate. */
  readonly crlRenewAfterMs: number;
  /** nextUpdate − thisUpdate of an OCSP answer. */
  readonly ocspValidityMs: number;
}

/**
 * A day's CRL renewed every 12 hours keeps clients that cache it until nextUpdate at most a day
 * behind (a revocation renews it at once for those who fetch); OCSP answers are fresher, an hour.
 */
export const DEFAULT_REVOCATION_TIMINGS: RevocationTimings = { crlValidityMs: 24 * HOUR, crlRenewAfterMs: 12 * HOUR, ocspValidityMs: HOUR };

export const REVOCATION_TIMINGS = Symbol('REVOCATION_TIMINGS');
