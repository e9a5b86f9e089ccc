import type { SigningRequest } from './signing-request.repository';

/** How long a CertificateSigned may stay "sent" before it counts as lost (the command itself times out after 30 s). */
export const LOST_DELIVERY_MS = 2 * 60_000;

export type SweepStep = 'timeOut' | 'retry' | 'wait';

/**
 * What the sweep does with an unfinished request: past the signing timeout it is given up
 * visibly (timedOut); a pending one (no active CA, no organisation configured) is tried again; an
 * issued one whose CertificateSigned failed or was lost is sent again; one in flight is left.
 */
export function sweepStepOf(request: Pick<SigningRequest, 'status' | 'delivery' | 'receivedAt' | 'updatedAt'>, now: Date, timeoutMs: number): SweepStep {
  if (request.status !== 'pending' && request.status !== 'issued') return 'wait';
  if (request.status === 'issued' && (request.delivery === 'accepted' || request.delivery === 'rejected')) return 'wait';
  if (now.getTime() - request.receivedAt.getTime() >= timeoutMs) return 'timeOut';
  // Sent (or issued and about to be sent): in flight until it counts as lost.
  if (request.status === 'issued' && request.delivery !== 'failed' && now.getTime() - request.updatedAt.getTime() < LOST_DELIVERY_MS) return 'wait';
  return 'retry';
}
