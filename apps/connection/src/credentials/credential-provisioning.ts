import type { CommandStatus } from '@app/station-commands';
import { type StationPasswordForm, authorizationKeyOf } from '../security/station-password.generator';
import type { RegistrationStatus } from '../stations/registration-status';

// The pure rules of credential provisioning (ADR 039): which acceptance provisions a password,
// what is sent to the station in each version, when an attempt succeeded, when the next one is due.

export const provisioningStates = ['waiting', 'delivering', 'failed', 'provisioned'] as const;
/**
 * waiting: queued, tried once the station is connected (and booted) on a replica; delivering: an
 * attempt is under way; failed: the last attempt failed, tried again from `nextAttemptAt` on while
 * connected; provisioned: the station took its password and must use it (profile 1 at least).
 */
export type ProvisioningState = (typeof provisioningStates)[number];

/** The profile a provisioned station is moved to: Basic auth required from then on. */
export const PROVISIONED_PROFILE = 1;
/** Longest wait between two attempts, however many failed. */
export const MAX_RETRY_MS = 3_600_000;

/** What an acceptance looks at. */
export interface AcceptanceCandidate {
  registrationStatus: RegistrationStatus;
  securityProfile: number;
  hasPassword: boolean;
  autoRegistered: boolean;
  /** The station's provisioning, if one was ever queued. */
  provisioning: ProvisioningState | undefined;
}

export type AcceptanceDecision = { accept: true; provision: boolean } | { accept: false; reason: string };

/**
 * Accepting a station: a Pending one is accepted; a first-contact one (registered by the gateway,
 * no credentials, never provisioned) is adopted although already accepted. Either gets a password
 * when it has no credentials (profile 0); a station with a password or a certificate profile
 * keeps its credentials. Anything else is not the operator's to accept.
 */
export function decideAcceptance(candidate: AcceptanceCandidate): AcceptanceDecision {
  const noCredentials = candidate.securityProfile === 0 && !candidate.hasPassword;
  if (candidate.registrationStatus === 'pending') return { accept: true, provision: noCredentials && candidate.provisioning !== 'provisioned' };
  const firstContact = candidate.registrationStatus === 'accepted' && candidate.autoRegistered && noCredentials && candidate.provisioning === undefined;
  if (firstContact) return { accept: true, provision: true };
  return { accept: false, reason: `is ${candidate.registrationStatus}, not pending nor a first-contact station without credentials` };
}

/** One setting sent to the station; `optional` ones a station may not know (answered NotSupported) without it counting as a failure. */
export interface ProvisioningStep {
  key: string;
  value: string;
  optional: boolean;
}

/** The setting that carries the password, and what follows once the station took it. */
export interface ProvisioningPlan {
  password: ProvisioningStep;
  followUps: ProvisioningStep[];
}

/**
 * What gives a station its password, one set_configuration each, in order:
 * - 2.0.1 (A01): SecurityCtrlr.BasicAuthPassword. 2.0.1 has no profile without Basic auth and its
 *   SecurityCtrlr.SecurityProfile is read-only (profiles change through network profiles, A05),
 *   so the password is all the station needs to present Basic auth from its next connection on.
 * - 1.6 (security whitepaper): AuthorizationKey (the password's bytes in hexadecimal), then
 *   SecurityProfile 1 (an increase, which the whitepaper allows). Once it has taken the key a
 *   station may reconnect with it at once (TC_073), so the key alone decides: its hash is stored
 *   when the key is accepted. A station without the whitepaper answers NotSupported to
 *   SecurityProfile and sends Basic auth once it has an AuthorizationKey (OCPP-J 1.6 §6.2).
 */
export function provisioningPlan(form: StationPasswordForm, password: string): ProvisioningPlan {
  if (form === 'ocpp2.0.1') return { password: { key: 'SecurityCtrlr/BasicAuthPassword', value: password, optional: false }, followUps: [] };
  return {
    password: { key: 'AuthorizationKey', value: authorizationKeyOf(password), optional: false },
    followUps: [{ key: 'SecurityProfile', value: String(PROVISIONED_PROFILE), optional: true }],
  };
}

/** How one step ended, as the command path reports it. */
export interface StepOutcome {
  status: CommandStatus;
  result?: Record<string, unknown>;
  errorCode?: string;
  errorDescription?: string;
}

/** Whether a step did its part: Accepted (or RebootRequired: the value is set), or NotSupported for an optional step. */
export function stepSucceeded(step: ProvisioningStep, outcome: StepOutcome): boolean {
  if (outcome.status === 'accepted') return true;
  return step.optional && outcome.status === 'rejected' && stationStatusOf(outcome) === 'NotSupported';
}

function stationStatusOf(outcome: StepOutcome): unknown {
  const settings = outcome.result?.['settings'];
  const first = Array.isArray(settings) ? (settings[0] as Record<string, unknown> | undefined) : undefined;
  return outcome.result?.['stationStatus'] ?? first?.['stationStatus'];
}

/** A failed step as the station resource shows it: the outcome and a detail without any secret. */
export function failureDetailOf(step: ProvisioningStep, outcome: StepOutcome): string {
  const answer = outcome.errorCode ?? stationStatusOf(outcome) ?? outcome.errorDescription ?? '';
  return `${step.key}: ${outcome.status}${answer === '' ? '' : ` (${String(answer)})`}`.slice(0, 200);
}

/**
 * The next attempt after `attempts` failed ones: `retryMs` doubled per earlier failure, at most
 * an hour. A station that is not connected is not a failure: it is tried when it is back.
 */
export function nextAttemptAfterFailure(attempts: number, retryMs: number, now: Date): Date {
  const delay = Math.min(retryMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return new Date(now.getTime() + delay);
}
