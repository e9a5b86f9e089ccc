import type { HeldReservation } from './reservation';
import { admits, statusAfterReserveNow, verdictAtAuthorize, verdictAtStart } from './reservation.rules';

const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-01T13:00:00Z');
const EARLIER = new Date('2026-03-01T11:00:00Z');

const held = (id: number, evseId: number, idToken: string, fields: Partial<HeldReservation> = {}): HeldReservation => ({
  id,
  evseId,
  idToken,
  groupIdToken: null,
  expiresAt: LATER,
  ...fields,
});
const token = (value: string, groupIdToken?: string) => ({ value, groupIdToken });
const at = (evseId: number, evseIds = [1, 2], reservationId?: number) => ({ evseId, evseIds, reservationId });

describe('who a reservation admits', () => {
  it('admits its own token and tokens of its group, case-insensitively', () => {
    const reservation = held(1, 1, 'TAG-A', { groupIdToken: 'FLEET' });
    expect(admits(reservation, token('tag-a'))).toBe(true);
    expect(admits(reservation, token('TAG-B', 'fleet'))).toBe(true);
    expect(admits(reservation, token('TAG-B', 'OTHER'))).toBe(false);
    expect(admits(held(1, 1, 'TAG-A'), token('TAG-B', 'FLEET'))).toBe(false);
  });
});

describe('a transaction starting on a reserved EVSE', () => {
  it('refuses another token on the reserved EVSE and lets it start on another', () => {
    const reservations = [held(7, 1, 'TAG-A')];
    expect(verdictAtStart(reservations, at(1), token('TAG-B'), NOW)).toEqual({ kind: 'reserved', reservationId: 7 });
    expect(verdictAtStart(reservations, at(2), token('TAG-B'), NOW)).toEqual({ kind: 'free' });
  });

  it('makes the reserving token, or one of its group, the holder', () => {
    const reservations = [held(7, 1, 'TAG-A', { groupIdToken: 'FLEET' })];
    expect(verdictAtStart(reservations, at(1), token('TAG-A'), NOW)).toEqual({ kind: 'holder', reservationId: 7 });
    expect(verdictAtStart(reservations, at(1), token('TAG-C', 'FLEET'), NOW)).toEqual({ kind: 'holder', reservationId: 7 });
  });

  it('holds nothing once the expiry has passed, whatever the stored status says', () => {
    const reservations = [held(7, 1, 'TAG-A', { expiresAt: EARLIER })];
    expect(verdictAtStart(reservations, at(1), token('TAG-B'), NOW)).toEqual({ kind: 'free' });
    expect(verdictAtStart(reservations, at(1), token('TAG-A'), NOW)).toEqual({ kind: 'free' });
    expect(verdictAtStart([held(7, 1, 'TAG-A', { expiresAt: NOW })], at(1), token('TAG-B'), NOW)).toEqual({ kind: 'free' });
  });

  it('prefers the reservation the station names, then the one of this EVSE', () => {
    const reservations = [held(3, 0, 'TAG-A'), held(4, 1, 'TAG-A')];
    expect(verdictAtStart(reservations, at(1), token('TAG-A'), NOW)).toEqual({ kind: 'holder', reservationId: 4 });
    expect(verdictAtStart(reservations, at(1, [1, 2], 3), token('TAG-A'), NOW)).toEqual({ kind: 'holder', reservationId: 3 });
  });

  it('keeps one EVSE free for each reservation of any EVSE', () => {
    const anywhere = [held(5, 0, 'TAG-A')];
    expect(verdictAtStart(anywhere, at(1), token('TAG-B'), NOW)).toEqual({ kind: 'free' });
    expect(verdictAtStart(anywhere, at(1, [1]), token('TAG-B'), NOW)).toEqual({ kind: 'reserved', reservationId: 5 });
    expect(verdictAtStart([...anywhere, held(6, 2, 'TAG-C')], at(1), token('TAG-B'), NOW)).toEqual({ kind: 'reserved', reservationId: 5 });
    expect(verdictAtStart(anywhere, at(1, [1]), token('TAG-A'), NOW)).toEqual({ kind: 'holder', reservationId: 5 });
  });
});

describe('Authorize, which names no EVSE', () => {
  it('refuses another token only when every EVSE is reserved for others', () => {
    expect(verdictAtAuthorize([held(1, 1, 'TAG-A')], [1, 2], token('TAG-B'), NOW)).toEqual({ kind: 'free' });
    expect(verdictAtAuthorize([held(1, 1, 'TAG-A'), held(2, 2, 'TAG-C')], [1, 2], token('TAG-B'), NOW)).toEqual({ kind: 'reserved', reservationId: 1 });
    expect(verdictAtAuthorize([held(1, 1, 'TAG-A'), held(2, 0, 'TAG-C')], [1, 2], token('TAG-B'), NOW)).toEqual({ kind: 'reserved', reservationId: 1 });
    expect(verdictAtAuthorize([held(1, 1, 'TAG-A')], [1], token('TAG-B'), NOW)).toEqual({ kind: 'reserved', reservationId: 1 });
  });

  it('accepts the reserving token, ignores expired reservations, and refuses nobody at a station of unknown EVSEs', () => {
    expect(verdictAtAuthorize([held(1, 1, 'TAG-A')], [1], token('TAG-A'), NOW)).toEqual({ kind: 'holder', reservationId: 1 });
    expect(verdictAtAuthorize([held(1, 1, 'TAG-A', { expiresAt: EARLIER })], [1], token('TAG-B'), NOW)).toEqual({ kind: 'free' });
    expect(verdictAtAuthorize([held(1, 0, 'TAG-A')], [], token('TAG-B'), NOW)).toEqual({ kind: 'free' });
  });
});

describe('the status a ReserveNow answer gives', () => {
  it('is active when accepted, the station’s reason when refused, failed without an answer', () => {
    expect(statusAfterReserveNow({ status: 'accepted', result: { status: 'Accepted', stationStatus: 'Accepted' } })).toEqual({
      status: 'active',
      stationStatus: 'Accepted',
      failure: null,
    });
    expect(statusAfterReserveNow({ status: 'rejected', result: { status: 'Rejected', stationStatus: 'Occupied' } })).toEqual({
      status: 'occupied',
      stationStatus: 'Occupied',
      failure: null,
    });
    expect(statusAfterReserveNow({ status: 'rejected', result: { stationStatus: 'toString' } }).status).toBe('rejected');
    expect(statusAfterReserveNow({ status: 'timeout', errorDescription: 'no result within 30000 ms' })).toEqual({
      status: 'failed',
      stationStatus: null,
      failure: 'timeout: no result within 30000 ms',
    });
  });
});
