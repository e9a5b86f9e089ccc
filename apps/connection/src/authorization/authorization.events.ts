import { timestampFromDate } from '@app/contracts';
import { type AuthorizationStatusCode, type StationEventBody, authorizationStatusCodes } from '../station-events/event-body';
import type { AuthorizationDecision, AuthorizationStatus, IdTokenRef } from './id-token';

/** ocpp.events knows the statuses both versions share; the 2.0.1-only refusals are Invalid there. */
export function authorizationStatusCode(status: AuthorizationStatus): AuthorizationStatusCode {
  switch (status) {
    case 'Accepted':
    case 'Blocked':
    case 'Expired':
    case 'Invalid':
    case 'ConcurrentTx':
    case 'Unknown':
      return authorizationStatusCodes[status];
    default:
      return authorizationStatusCodes.Invalid;
  }
}

export function authorizationEvent(token: IdTokenRef, decision: AuthorizationDecision): StationEventBody {
  return {
    case: 'authorization',
    value: {
      idToken: { value: token.value, type: token.type },
      status: authorizationStatusCode(decision.status),
      expiresAt: decision.expiresAt ? timestampFromDate(decision.expiresAt) : undefined,
    },
  };
}
