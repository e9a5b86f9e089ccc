import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import { type AuthorizationDecision, type AuthorizationStatus, IDTAG_TYPE, type IdTokenRef } from './id-token';

export type IdTagInfo = Ocpp16.AuthorizeResponse['idTagInfo'];

/** 1.6 idTagInfo knows five statuses; the 2.0.1-only refusals become Invalid. */
const idTagStatuses: Readonly<Record<AuthorizationStatus, IdTagInfo['status']>> = {
  Accepted: 'Accepted',
  Blocked: 'Blocked',
  ConcurrentTx: 'ConcurrentTx',
  Expired: 'Expired',
  Invalid: 'Invalid',
  NoCredit: 'Invalid',
  NotAllowedTypeEVSE: 'Invalid',
  NotAtThisLocation: 'Invalid',
  NotAtThisTime: 'Invalid',
  Unknown: 'Invalid',
};

/**
 * The CSMS's group ids are its own identifiers, so a 2.0.1 groupIdToken is typed `Central`.
 */
const GROUP_ID_TOKEN_TYPE: Ocpp201.IdTokenEnumType = 'Central';

export function idTokenOf16(idTag: string): IdTokenRef {
  return { value: idTag, type: IDTAG_TYPE };
}

export function idTokenOf201(idToken: Ocpp201.IdTokenType): IdTokenRef {
  return { value: idToken.idToken, type: idToken.type };
}

export function idTagInfoOf(decision: AuthorizationDecision): IdTagInfo {
  const info: IdTagInfo = { status: idTagStatuses[decision.status] };
  if (decision.expiresAt) info.expiryDate = decision.expiresAt.toISOString();
  if (decision.groupIdToken) info.parentIdTag = decision.groupIdToken;
  return info;
}

export function idTokenInfoOf(decision: AuthorizationDecision): Ocpp201.IdTokenInfoType {
  const info: Ocpp201.IdTokenInfoType = { status: decision.status };
  if (decision.expiresAt) info.cacheExpiryDateTime = decision.expiresAt.toISOString();
  if (decision.groupIdToken) info.groupIdToken = { idToken: decision.groupIdToken, type: GROUP_ID_TOKEN_TYPE };
  return info;
}
