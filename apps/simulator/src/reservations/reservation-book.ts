/** A reservation as the station keeps it (both versions). */
export interface StationReservation {
  readonly id: number;
  /** 0: any connector/EVSE (1.6 connectorId 0, 2.0.1 without evseId). */
  readonly evseId: number;
  readonly idToken: string;
  /** 1.6 parentIdTag / 2.0.1 groupIdToken. */
  readonly groupIdToken?: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export type ReserveOutcome = 'Accepted' | 'Occupied' | 'Rejected';

export interface ReservationBookOptions {
  now(): number;
  /** Told when a reservation reaches its expiry unused (a 2.0.1 station sends ReservationStatusUpdate Expired). */
  onExpired(reservation: StationReservation): void;
}

/**
 * The reservations a simulated station holds, until used, cancelled or expired. The station
 * names the one a transaction uses (StartTransaction / TransactionEvent reservationId) but
 * refuses no token itself: it leaves that to the CSMS, whose rule is what the simulator exercises.
 */
export class ReservationBook {
  private readonly held = new Map<number, { reservation: StationReservation; timer: NodeJS.Timeout }>();

  constructor(private readonly options: ReservationBookOptions) {}

  /**
   * Holds the reservation until its expiry; a reservation with the same id replaces it (OCPP:
   * ReserveNow with a known id updates it). Rejected when already expired; Occupied when the
   * EVSE is held for another reservation.
   */
  reserve(reservation: StationReservation): ReserveOutcome {
    const remaining = reservation.expiresAt - this.options.now();
    if (remaining <= 0) return 'Rejected';
    const taken = reservation.evseId > 0 && [...this.held.values()].some(({ reservation: other }) => other.id !== reservation.id && other.evseId === reservation.evseId);
    if (taken) return 'Occupied';
    this.release(reservation.id);
    const timer = setTimeout(() => {
      if (this.release(reservation.id)) this.options.onExpired(reservation);
    }, remaining);
    timer.unref();
    this.held.set(reservation.id, { reservation, timer });
    return 'Accepted';
  }

  /** True when the reservation was held (and is now cancelled). */
  cancel(id: number): boolean {
    return this.release(id);
  }

  /** The reservation a token starting on `evseId` uses: its own there, else its own of any EVSE. */
  heldFor(evseId: number, idToken: string): StationReservation | undefined {
    const own = [...this.held.values()].map(({ reservation }) => reservation).filter((reservation) => reservation.idToken.toLowerCase() === idToken.toLowerCase());
    return own.find((reservation) => reservation.evseId === evseId) ?? own.find((reservation) => reservation.evseId === 0);
  }

  /** The transaction started: the reservation is used and no longer held. */
  use(id: number): void {
    this.release(id);
  }

  list(): StationReservation[] {
    return [...this.held.values()].map(({ reservation }) => reservation);
  }

  /** Drops every reservation and its timer (the station is disposed). */
  clear(): void {
    for (const id of [...this.held.keys()]) this.release(id);
  }

  private release(id: number): boolean {
    const entry = this.held.get(id);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.held.delete(id);
    return true;
  }
}
