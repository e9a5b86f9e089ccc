import { ReservationBook, type StationReservation } from './reservation-book';

describe('reservation book', () => {
  let now = Date.parse('2026-03-01T12:00:00Z');
  const expired: StationReservation[] = [];
  let book: ReservationBook;

  beforeEach(() => {
    jest.useFakeTimers({ now });
    expired.length = 0;
    book = new ReservationBook({ now: () => now, onExpired: (reservation) => expired.push(reservation) });
  });

  afterEach(() => {
    book.clear();
    jest.useRealTimers();
    now = Date.parse('2026-03-01T12:00:00Z');
  });

  const reservation = (id: number, evseId: number, idToken = 'TAG-A', inMs = 60_000): StationReservation => ({ id, evseId, idToken, expiresAt: now + inMs });

  it('holds a reservation until its expiry, then reports it expired once', () => {
    expect(book.reserve(reservation(1, 1))).toBe('Accepted');
    jest.advanceTimersByTime(59_999);
    expect(book.list()).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(book.list()).toEqual([]);
    expect(expired.map(({ id }) => id)).toEqual([1]);
  });

  it('refuses an expiry already past and an EVSE held for another reservation; the same id replaces its reservation', () => {
    expect(book.reserve(reservation(1, 1, 'TAG-A', 0))).toBe('Rejected');
    expect(book.reserve(reservation(1, 1))).toBe('Accepted');
    expect(book.reserve(reservation(2, 1, 'TAG-B'))).toBe('Occupied');
    expect(book.reserve(reservation(1, 1, 'TAG-C'))).toBe('Accepted');
    expect(book.list()).toEqual([reservation(1, 1, 'TAG-C')]);
  });

  it('names the reservation a token uses on an EVSE, its own there first, and forgets cancelled and used ones without reporting them', () => {
    book.reserve(reservation(1, 0));
    book.reserve(reservation(2, 2));
    expect(book.heldFor(2, 'tag-a')?.id).toBe(2);
    expect(book.heldFor(1, 'TAG-A')?.id).toBe(1);
    expect(book.heldFor(2, 'TAG-B')).toBeUndefined();
    book.use(2);
    expect(book.cancel(1)).toBe(true);
    expect(book.cancel(1)).toBe(false);
    jest.advanceTimersByTime(120_000);
    expect(expired).toEqual([]);
  });
});
