import { DropCause } from '@app/contracts';
import type { RegistrationStatus } from '../station-core.port';

/** What decides whether a station's live connection outlives a change of its registration. */
export interface RegistrationState {
  securityProfile: number;
  registrationStatus: RegistrationStatus;
}

/** A live connection to close after a change: why, and from which profile on a connection is kept (0: none). */
export interface ConnectionDrop {
  cause: DropCause;
  keepFromProfile: number;
}

/**
 * Whether a change of a station's registration ends its live connection (ADR 039), the most
 * severe cause first: rejected (or set back to pending from accepted), it may only boot again;
 * with a new password, the connection was authenticated with one that no longer counts; with a
 * raised minimum profile, a connection below it would not be accepted now. A lowered minimum
 * admits every connection the old one did, so it drops nothing. A new station has no connection.
 */
export function connectionDropAfter(before: RegistrationState | undefined, after: RegistrationState, credentialsChanged: boolean): ConnectionDrop | undefined {
  if (before === undefined) return undefined;
  const rejected = after.registrationStatus === 'rejected' && before.registrationStatus !== 'rejected';
  const heldBack = after.registrationStatus === 'pending' && before.registrationStatus === 'accepted';
  if (rejected || heldBack) return { cause: DropCause.REGISTRATION_WITHDRAWN, keepFromProfile: 0 };
  if (credentialsChanged) return { cause: DropCause.CREDENTIALS_CHANGED, keepFromProfile: 0 };
  if (after.securityProfile > before.securityProfile) return { cause: DropCause.SECURITY_PROFILE_CHANGED, keepFromProfile: after.securityProfile };
  return undefined;
}
