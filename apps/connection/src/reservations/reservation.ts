/**
 * Where a reservation is in its life: `requested` until the station answers ReserveNow; then
 * `active` (Accepted) or refused with the station's reason (faulted, occupied, rejected,
 * unavailable), or `failed` when no answer came (not connected, timeout, CALLERROR); an active
 * one ends `used` (its token started a transaction there), `cancelled` (CancelReservation
 * accepted), `expired` or `removed` (ReservationStatusUpdate, or its expiry passing).
 */
export const reservationStatuses = [
  'requested',
  'active',
  'faulted',
  'occupied',
  'rejected',
  'unavailable',
  'failed',
  'used',
  'cancelled',
  'expired',
  'removed',
] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

/** What the station core needs of an active reservation to decide who may charge where. */
export interface HeldReservation {
  id: number;
  /** 0: any EVSE of the station (1.6 connectorId 0, 2.0.1 without evseId). */
  evseId: number;
  idToken: string;
  /** 1.6 parentIdTag / 2.0.1 groupIdToken: tokens of this group may use the reservation too. */
  groupIdToken: string | null;
  expiresAt: Date;
}

/** A stored reservation, as the operator API shows it. */
export interface Reservation extends HeldReservation {
  stationId: string;
  connectorType: string | null;
  idTokenType: string;
  status: ReservationStatus;
  /** The station's own answer to ReserveNow (Accepted, Occupied, ...). */
  stationStatus: string | null;
  commandId: string | null;
  /** Why no answer came (not connected, timeout, CALLERROR), when `failed`. */
  failure: string | null;
  /** The transaction that used it, when `used` and known. */
  transactionId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
}

/** A reservation about to be asked for (the CSMS allocates its id when storing it). */
export interface ReservationRequest {
  stationId: string;
  evseId: number;
  connectorType: string | null;
  idToken: string;
  idTokenType: string;
  groupIdToken: string | null;
  expiresAt: Date;
  createdBy: string | null;
}
