import { Injectable } from '@nestjs/common';
import type { AuthorizationDecision, AuthorizationStatus, IdTokenRef } from '../authorization/id-token';
import type { HeldReservation } from './reservation';
import { ReservationRepository } from './reservation.repository';
import { type PresentedToken, type ReservationVerdict, verdictAtAuthorize, verdictAtStart } from './reservation.rules';

/**
 * The answer to a token refused because of someone else's reservation. 2.0.1 NotAtThisTime: "the
 * identifier is valid, but the driver has no access at this time" (the EVSE is held until the
 * reservation ends); 1.6 has no such status, and authorize.adapter.ts answers it as Invalid, the
 * one 1.6 idTagInfo status that refuses a token which is neither blocked nor expired.
 */
export const RESERVED_FOR_ANOTHER: AuthorizationStatus = 'NotAtThisTime';

/** Where a transaction starts: the EVSE (1.6 connector) and the reservation the station says it uses. */
export interface StartPlace {
  evseId: number;
  reservationId: number | undefined;
}

export interface Admission {
  decision: AuthorizationDecision;
  /** The reservation this start uses (its token holds it), to be marked used once the transaction is stored. */
  reservationId: number | undefined;
}

/**
 * Applies reservations to the decisions the station core takes about id tokens: a token the
 * id-token store accepts is refused where an EVSE is reserved for another token. Tokens refused
 * already stay as they were, and a station without active reservations costs one indexed read.
 */
@Injectable()
export class ReservationEnforcer {
  constructor(private readonly reservations: ReservationRepository) {}

  /** Authorize (no EVSE named): refused when every EVSE of the station is reserved for others. */
  async atAuthorize(stationId: string, token: IdTokenRef, decision: AuthorizationDecision, now = new Date()): Promise<AuthorizationDecision> {
    const verdict = await this.verdict(stationId, decision, (held, evseIds) => verdictAtAuthorize(held, evseIds, presented(token, decision), now));
    return verdict.kind === 'reserved' ? refused(decision) : decision;
  }

  /** A transaction starting on an EVSE: refused there when reserved for another; the holder's start uses the reservation. */
  async atStart(stationId: string, place: StartPlace, token: IdTokenRef, decision: AuthorizationDecision, now = new Date()): Promise<Admission> {
    const verdict = await this.verdict(stationId, decision, (held, evseIds) => verdictAtStart(held, { ...place, evseIds }, presented(token, decision), now));
    if (verdict.kind === 'reserved') return { decision: refused(decision), reservationId: undefined };
    return { decision, reservationId: verdict.kind === 'holder' ? verdict.reservationId : undefined };
  }

  /** The reservation's token started a transaction: it no longer holds the EVSE. */
  async markUsed(reservationId: number, stationId: string, transactionId: string): Promise<void> {
    await this.reservations.end(reservationId, 'used', { stationId, transactionId });
  }

  private async verdict(
    stationId: string,
    decision: AuthorizationDecision,
    decide: (held: HeldReservation[], evseIds: number[]) => ReservationVerdict,
  ): Promise<ReservationVerdict> {
    if (decision.status !== 'Accepted') return { kind: 'free' };
    const held = await this.reservations.activeAt(stationId);
    if (held.length === 0) return { kind: 'free' };
    return decide(held, await this.reservations.evseIdsOf(stationId));
  }
}

function presented(token: IdTokenRef, decision: AuthorizationDecision): PresentedToken {
  return { value: token.value, groupIdToken: decision.groupIdToken };
}

function refused(decision: AuthorizationDecision): AuthorizationDecision {
  return { ...decision, status: RESERVED_FOR_ANOTHER };
}
