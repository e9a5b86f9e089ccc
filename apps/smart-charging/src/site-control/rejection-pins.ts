import type { Rejection } from '../dispatch/profile-dispatcher';
import { sessionIdOf } from '../planning/session-inputs';
import type { ChargingSession } from '../sessions/charging-session';

/**
 * The sessions a station's refusals pin to their fallback: those whose own TxProfile was refused.
 * A TxProfile for a transaction that has ended since is refused as it should be (planning ran on
 * facts that were already old, e.g. catching up after a restart); that says nothing of the session
 * running on the EVSE now, which is planned as usual.
 */
export function pinnedByRejections(stationId: string, rejections: readonly Rejection[], sessions: ReadonlyMap<number, Pick<ChargingSession, 'transactionId'>>): string[] {
  return rejections
    .filter((rejection) => rejection.purpose === 'tx' && rejection.transactionId !== undefined && sessions.get(rejection.evseId)?.transactionId === rejection.transactionId)
    .map((rejection) => sessionIdOf(stationId, rejection.evseId));
}
