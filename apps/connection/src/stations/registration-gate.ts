import { OcppErrorKind, OcppRpcError } from '@app/ocpp';
import type { RegistrationStatus } from './registration-status';

export type GateVerdict = { admit: true } | { admit: false; error: OcppRpcError };

/**
 * What a Pending station may send besides BootNotification without being asked by a
 * TriggerMessage: the reports a GetBaseReport/GetReport (2.0.1) asked for.
 */
const ANSWERS_TO_PENDING_REQUESTS: ReadonlySet<string> = new Set(['NotifyReport']);

/**
 * Which CALLs a station may send, by its registration (OCPP 2.0.1 B02.FR.09 and B03.FR.07):
 * an Accepted station anything; a Pending one BootNotification, reports it was asked for and
 * messages the CSMS triggered; a Rejected one only BootNotification. Anything else is answered
 * SecurityError. OCPP 1.6 (§4.2) forbids the same CALLs without saying how the CSMS answers
 * them; we answer SecurityError in both versions (1.6 defines the code too), so that the
 * station's message is refused rather than left to time out.
 */
export function gateCall(registration: RegistrationStatus, action: string, triggered: boolean): GateVerdict {
  if (registration === 'accepted' || action === 'BootNotification') return { admit: true };
  if (registration === 'pending' && (triggered || ANSWERS_TO_PENDING_REQUESTS.has(action))) return { admit: true };
  const error = new OcppRpcError(
    OcppErrorKind.SecurityError,
    `${action} refused: the station is not accepted (registration ${registration}); send BootNotification`,
  );
  return { admit: false, error };
}
