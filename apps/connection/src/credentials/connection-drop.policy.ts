import { DropCause } from '@app/contracts';
import { CloseCode } from '../gateway/station-connection';

/** How a live connection is closed when the station's credentials or registration changed, and the security event that records it. */
export interface DropPlan {
  closeCode: number;
  /** The WebSocket close reason (at most 123 bytes); says what changed, never a secret. */
  reason: string;
  securityEventType: string;
}

const plans: Readonly<Record<Exclude<DropCause, DropCause.UNSPECIFIED>, DropPlan>> = {
  // 1012: the station is expected back at once, under its new credentials.
  [DropCause.CREDENTIALS_CHANGED]: { closeCode: CloseCode.serviceRestart, reason: 'credentials changed: reconnect with the new ones', securityEventType: 'StationCredentialsChanged' },
  [DropCause.SECURITY_PROFILE_CHANGED]: {
    closeCode: CloseCode.serviceRestart,
    reason: 'security profile changed: reconnect on the new one',
    securityEventType: 'StationSecurityProfileChanged',
  },
  // 1008, like a revoked certificate (ADR 022): the station may only boot again, and is told so then.
  [DropCause.REGISTRATION_WITHDRAWN]: { closeCode: CloseCode.policyViolation, reason: 'registration withdrawn', securityEventType: 'StationRegistrationWithdrawn' },
};

/** The plan for a cause; an unspecified cause (a newer sender's value this build does not know) closes like a credential change. */
export function dropPlanOf(cause: DropCause): DropPlan {
  return cause === DropCause.UNSPECIFIED ? plans[DropCause.CREDENTIALS_CHANGED] : (plans[cause] ?? plans[DropCause.CREDENTIALS_CHANGED]);
}

/**
 * Whether a connection survives the change: only when the drop keeps connections from a profile
 * on (a raised minimum the connection already meets) and the connection was accepted on it.
 */
export function keepsConnection(connectionProfile: number, keepFromProfile: number): boolean {
  return keepFromProfile > 0 && connectionProfile >= keepFromProfile;
}
