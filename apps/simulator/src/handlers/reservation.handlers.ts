import type { StationReservation } from '../reservations/reservation-book';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

type ReserveNowStatus = 'Accepted' | 'Occupied' | 'Rejected' | 'Unavailable';

/**
 * ReserveNow as a station decides it: an unknown EVSE is Rejected, one charging Occupied, one
 * out of service Unavailable; a reservation of any EVSE needs one free. Else the book holds it.
 */
function reserve(station: StationControl, reservation: StationReservation): ReserveNowStatus {
  if (reservation.evseId > station.evseCount) return 'Rejected';
  if (reservation.evseId === 0) return station.freeEvse() === undefined ? 'Occupied' : station.reservations.reserve(reservation);
  if (station.transactionIdOn(reservation.evseId) !== undefined) return 'Occupied';
  if (!station.isFree(reservation.evseId)) return 'Unavailable';
  return station.reservations.reserve(reservation);
}

const cancel = (station: StationControl, reservationId: number): 'Accepted' | 'Rejected' => (station.reservations.cancel(reservationId) ? 'Accepted' : 'Rejected');

/** Reservations of both versions: kept until used, cancelled or expired (2.0.1 reports the expiry). */
export const reservations16: HandlerTable<'1.6'> = {
  ReserveNow: (request, station) => ({
    status: reserve(station, {
      id: request.reservationId,
      evseId: request.connectorId,
      idToken: request.idTag,
      ...(request.parentIdTag === undefined ? {} : { groupIdToken: request.parentIdTag }),
      expiresAt: Date.parse(request.expiryDate),
    }),
  }),
  CancelReservation: (request, station) => ({ status: cancel(station, request.reservationId) }),
};

export const reservations201: HandlerTable<'2.0.1'> = {
  ReserveNow: (request, station) => ({
    status: reserve(station, {
      id: request.id,
      evseId: request.evseId ?? 0,
      idToken: request.idToken.idToken,
      ...(request.groupIdToken === undefined ? {} : { groupIdToken: request.groupIdToken.idToken }),
      expiresAt: Date.parse(request.expiryDateTime),
    }),
  }),
  CancelReservation: (request, station) => ({ status: cancel(station, request.reservationId) }),
};
