import type { AuthorizationDecision, IdTokenRef, StoredIdToken } from './id-token';

export type UnknownIdTokenPolicy = 'accept' | 'reject';

/**
 * Decides an id token: a registered token has its registered status, Expired once its expiry
 * has passed; an unknown one is Accepted or Invalid as configured (OCPP_UNKNOWN_ID_TOKENS). A
 * 2.0.1 `NoAuthorization` token identifies nobody (free charging) and is Accepted.
 */
export function decideAuthorization(token: IdTokenRef, stored: StoredIdToken | undefined, now: Date, unknown: UnknownIdTokenPolicy): AuthorizationDecision {
  if (token.type === 'NoAuthorization') return { status: 'Accepted', expiresAt: undefined, groupIdToken: undefined };
  if (!stored) return { status: unknown === 'accept' ? 'Accepted' : 'Invalid', expiresAt: undefined, groupIdToken: undefined };
  const expiresAt = stored.expiresAt ?? undefined;
  const expired = expiresAt !== undefined && expiresAt.getTime() <= now.getTime();
  return { status: expired && stored.status === 'Accepted' ? 'Expired' : stored.status, expiresAt, groupIdToken: stored.groupIdToken ?? undefined };
}
