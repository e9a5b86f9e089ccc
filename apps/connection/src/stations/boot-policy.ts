import type { RegistrationStatus } from './registration-status';

export type BootStatus = 'Accepted' | 'Pending' | 'Rejected';

export interface BootDecision {
  status: BootStatus;
  /** Accepted: the heartbeat interval. Pending/Rejected: the wait before the next BootNotification. */
  intervalSeconds: number;
}

export interface BootPolicySettings {
  heartbeatIntervalSeconds: number;
  bootRetryIntervalSeconds: number;
}

const answers: Readonly<Record<RegistrationStatus, BootStatus>> = { accepted: 'Accepted', pending: 'Pending', rejected: 'Rejected' };

/**
 * The BootNotification answer from the station's registration (1.6 §4.2, 2.0.1 B01-B03). A
 * station that is no longer registered is Rejected. For Pending and Rejected the interval is the
 * minimum wait before the station boots again, not a heartbeat interval.
 */
export function decideBoot(registration: RegistrationStatus | undefined, settings: BootPolicySettings): BootDecision {
  const status = registration === undefined ? 'Rejected' : answers[registration];
  return { status, intervalSeconds: status === 'Accepted' ? settings.heartbeatIntervalSeconds : settings.bootRetryIntervalSeconds };
}
