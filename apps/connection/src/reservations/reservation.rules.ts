import type { HeldReservation, ReservationStatus } from './reservation';

// Who may charge where while reservations hold EVSEs: pure rules over plain data (no I/O).
//
// A reservation holds until its expiry, whatever any sweeper or station message did or did not
// do: every rule below compares with the clock. A reservation admits its own id token and any
// token of its group (1.6 parentIdTag, 2.0.1 groupIdToken; compared case-insensitively as OCPP
// compares tokens). A reservation of "any EVSE" (EVSE 0) needs one EVSE kept free for it.

/** A token as presented: its value and the group the id-token store gives it. */
export interface PresentedToken {
  value: string;
  groupIdToken: string | undefined;
}

export type ReservationVerdict =
  /** No reservation stands in the way. */
  | { kind: 'free' }
  /** The token holds (or belongs to the group of) this reservation here. */
  | { kind: 'holder'; reservationId: number }
  /** Reserved for someone else: refuse the token. */
  | { kind: 'reserved'; reservationId: number };

const FREE: ReservationVerdict = { kind: 'free' };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function isLive(reservation: HeldReservation, now: Date): boolean {
  return reservation.expiresAt.getTime() > now.getTime();
}

export function admits(reservation: HeldReservation, token: PresentedToken): boolean {
  if (same(reservation.idToken, token.value)) return true;
  return reservation.groupIdToken !== null && token.groupIdToken !== undefined && same(reservation.groupIdToken, token.groupIdToken);
}

/**
 * A transaction starting on `evseId`: the token's own reservation there (or of any EVSE; the one
 * the station names by `reservationId` first) makes it the holder; another token is refused when
 * the EVSE is reserved for someone else, or when starting there would leave fewer unreserved
 * EVSEs (`evseIds`, the station's known EVSEs) than there are others' reservations of any EVSE.
 */
export function verdictAtStart(
  reservations: readonly HeldReservation[],
  place: { evseId: number; evseIds: readonly number[]; reservationId: number | undefined },
  token: PresentedToken,
  now: Date,
): ReservationVerdict {
  const live = reservations.filter((reservation) => isLive(reservation, now));
  const here = (reservation: HeldReservation) => reservation.evseId === place.evseId || reservation.evseId === 0;
  const own = live.filter((reservation) => here(reservation) && admits(reservation, token));
  const named = own.find((reservation) => reservation.id === place.reservationId);
  const holding = named ?? own.find((reservation) => reservation.evseId === place.evseId) ?? own[0];
  if (holding) return { kind: 'holder', reservationId: holding.id };

  const others = live.filter((reservation) => !admits(reservation, token));
  const reservedHere = others.find((reservation) => reservation.evseId === place.evseId);
  if (reservedHere) return { kind: 'reserved', reservationId: reservedHere.id };
  const anywhere = others.filter((reservation) => reservation.evseId === 0);
  const [firstAnywhere] = anywhere;
  if (firstAnywhere === undefined) return FREE;
  const spare = place.evseIds.filter((evseId) => evseId !== place.evseId && !others.some((reservation) => reservation.evseId === evseId)).length;
  return spare >= anywhere.length ? FREE : { kind: 'reserved', reservationId: firstAnywhere.id };
}

/**
 * Authorize names no EVSE: a token is refused only when no EVSE is left for it, i.e. every known
 * EVSE is reserved for others (each reservation of any EVSE taking one of the unreserved ones).
 * A station whose EVSEs the CSMS does not know yet (no StatusNotification) is never refused here:
 * the check at transaction start, which names the EVSE, still applies.
 */
export function verdictAtAuthorize(reservations: readonly HeldReservation[], evseIds: readonly number[], token: PresentedToken, now: Date): ReservationVerdict {
  const live = reservations.filter((reservation) => isLive(reservation, now));
  const own = live.find((reservation) => admits(reservation, token));
  if (own) return { kind: 'holder', reservationId: own.id };
  const others = live.filter((reservation) => !admits(reservation, token));
  const [first] = others;
  if (first === undefined || evseIds.length === 0) return FREE;
  const unreserved = evseIds.filter((evseId) => !others.some((reservation) => reservation.evseId === evseId)).length;
  const anywhere = others.filter((reservation) => reservation.evseId === 0).length;
  return unreserved > anywhere ? FREE : { kind: 'reserved', reservationId: first.id };
}

/** The station's answer to ReserveNow (or its absence), as the reservation's next status. */
export interface ReserveNowAnswer {
  status: 'accepted' | 'rejected' | 'call-error' | 'timeout' | 'not-connected' | 'invalid';
  result?: Record<string, unknown>;
  errorDescription?: string;
}

const refusals: Readonly<Record<string, ReservationStatus>> = { Faulted: 'faulted', Occupied: 'occupied', Rejected: 'rejected', Unavailable: 'unavailable' };

function refusalOf(stationStatus: string | null): ReservationStatus {
  return stationStatus !== null && Object.hasOwn(refusals, stationStatus) ? (refusals[stationStatus] ?? 'rejected') : 'rejected';
}

export interface AnsweredStatus {
  status: ReservationStatus;
  stationStatus: string | null;
  failure: string | null;
}

export function statusAfterReserveNow(answer: ReserveNowAnswer): AnsweredStatus {
  const stationStatus = typeof answer.result?.['stationStatus'] === 'string' ? answer.result['stationStatus'] : null;
  if (answer.status === 'accepted') return { status: 'active', stationStatus, failure: null };
  if (answer.status === 'rejected') return { status: refusalOf(stationStatus), stationStatus, failure: null };
  // No answer to go by: a station that did take it on keeps refusing others by itself until the expiry.
  return { status: 'failed', stationStatus: null, failure: `${answer.status}${answer.errorDescription ? `: ${answer.errorDescription}` : ''}` };
}
