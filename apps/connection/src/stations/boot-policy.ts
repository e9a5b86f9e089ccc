import type { RegistrationStatus } from './registration-status';

export type BootStatus = 'Accepted' | 'Pending' | 'Rejected';

/** Why a station was not Accepted: kept in its boot history for operators. */
export enum BootHoldReason {
  /** Registered Pending (first contact under OCPP_UNKNOWN_STATIONS=pending): waits for an operator to accept it. */
  awaitingAcceptance = 'awaiting-acceptance',
  /** An operator set its registration to rejected. */
  registrationRejected = 'registration-rejected',
  /** No longer in the registry (removed while connected). */
  notRegistered = 'not-registered',
}

export interface BootDecision {
  status: BootStatus;
  /** Accepted: the heartbeat interval. Pending/Rejected: the wait before the next BootNotification. */
  intervalSeconds: number;
  /** Pending and Rejected only. */
  reason?: BootHoldReason;
}

export interface BootPolicySettings {
  heartbeatIntervalSeconds: number;
  bootRetryIntervalSeconds: number;
}

const answers: Readonly<Record<RegistrationStatus, BootStatus>> = { accepted: 'Accepted', pending: 'Pending', rejected: 'Rejected' };
const holdReasons: Readonly<Record<RegistrationStatus, BootHoldReason | undefined>> = {
  accepted: undefined,
  pending: BootHoldReason.awaitingAcceptance,
  rejected: BootHoldReason.registrationRejected,
};

/**
 * The BootNotification answer from the station's registration (1.6 §4.2, 2.0.1 B01-B03). A
 * station that is no longer registered is Rejected. For Pending and Rejected the interval is the
 * minimum wait before the station boots again, not a heartbeat interval.
 */
export function decideBoot(registration: RegistrationStatus | undefined, settings: BootPolicySettings): BootDecision {
  if (registration === undefined) return { status: 'Rejected', intervalSeconds: settings.bootRetryIntervalSeconds, reason: BootHoldReason.notRegistered };
  const status = answers[registration];
  if (status === 'Accepted') return { status, intervalSeconds: settings.heartbeatIntervalSeconds };
  return { status, intervalSeconds: settings.bootRetryIntervalSeconds, reason: holdReasons[registration] };
}
