/**
 * When a station certificate is renewed and how failed renewals back off: pure, so the sweep
 * (renewal.sweeper.ts) only gathers facts from the database and acts on what these decide.
 */

const DAY_MS = 24 * 3600 * 1000;
/** Longest wait between two renewal attempts of the same certificate. */
export const MAX_RETRY_DELAY_MS = 12 * 3600 * 1000;

export interface RenewalPolicy {
  windowDays: number;
  /** Delay after the first failure; doubled per further failure up to MAX_RETRY_DELAY_MS. */
  retryBaseMs: number;
}

/** The newest certificate of a station (no newer one exists), as the sweep finds it. */
export interface RenewalCandidate {
  stationId: string;
  serialNumber: string;
  notAfter: Date;
  /** The last attempt to renew this very certificate, if any. */
  lastAttempt?: { attempt: number; status: RenewalStatus; retryAt: Date | null };
}

export type RenewalStatus = 'triggering' | 'awaitingCertificate' | 'renewed' | 'rejected' | 'failed' | 'timedOut';
export const IN_FLIGHT: readonly RenewalStatus[] = ['triggering', 'awaitingCertificate'];

export function insideRenewalWindow(notAfter: Date, now: Date, windowDays: number): boolean {
  return notAfter.getTime() > now.getTime() && notAfter.getTime() - windowDays * DAY_MS <= now.getTime();
}

/** How long to wait after the `failures`-th failed attempt (1, 2, ...) before the next one. */
export function retryDelayMs(failures: number, retryBaseMs: number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(retryBaseMs * 2 ** exponent, MAX_RETRY_DELAY_MS);
}

/**
 * The attempt number to start now for this certificate, or undefined to leave it: outside the
 * window (or expired: an expired certificate no longer authenticates anyone, renewing it is a new
 * enrolment), an attempt in flight, renewed already, or a failed attempt still backing off.
 */
export function nextAttemptOf(candidate: RenewalCandidate, now: Date, policy: RenewalPolicy): number | undefined {
  if (!insideRenewalWindow(candidate.notAfter, now, policy.windowDays)) return undefined;
  const last = candidate.lastAttempt;
  if (!last) return 1;
  if (IN_FLIGHT.includes(last.status) || last.status === 'renewed') return undefined;
  if (last.retryAt !== null && last.retryAt.getTime() > now.getTime()) return undefined;
  return last.attempt + 1;
}

/** The candidates to trigger now, with their attempt numbers; one per station, stations already busy left out. */
export function renewalsDue(
  candidates: readonly RenewalCandidate[],
  busyStations: ReadonlySet<string>,
  now: Date,
  policy: RenewalPolicy,
): { candidate: RenewalCandidate; attempt: number }[] {
  const due: { candidate: RenewalCandidate; attempt: number }[] = [];
  const taken = new Set(busyStations);
  for (const candidate of candidates) {
    if (taken.has(candidate.stationId)) continue;
    const attempt = nextAttemptOf(candidate, now, policy);
    if (attempt === undefined) continue;
    taken.add(candidate.stationId);
    due.push({ candidate, attempt });
  }
  return due;
}

/** What an attempt in flight has come to, given what the database knows now. */
export type InFlightOutcome =
  | { status: 'renewed'; renewedSerial: string }
  | { status: 'failed'; reason: string }
  | { status: 'timedOut'; reason: string }
  | undefined;

export interface InFlightFacts {
  startedAt: Date;
  /** A certificate of the same type issued to the station since the attempt started. */
  newerSerial?: string;
  /** The station's CSR since the attempt started was refused by the policy (code: message). */
  refusal?: string;
}

export function inFlightOutcomeOf(facts: InFlightFacts, now: Date, timeoutMs: number): InFlightOutcome {
  if (facts.newerSerial !== undefined) return { status: 'renewed', renewedSerial: facts.newerSerial };
  if (facts.refusal !== undefined) return { status: 'failed', reason: `the station's CSR was refused: ${facts.refusal}` };
  if (now.getTime() - facts.startedAt.getTime() >= timeoutMs) return { status: 'timedOut', reason: `no certificate issued within ${timeoutMs / 1000} s of the trigger` };
  return undefined;
}
