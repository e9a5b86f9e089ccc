import 'reflect-metadata';
import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '../simulated-station';
import { TestCsms } from '../testing/test-csms';

/** ReserveNow in either version's shape. */
function reserveNow(version: OcppVersion, id: number, evseId: number, idToken: string, expiresInMs: number): object {
  const expiry = new Date(Date.now() + expiresInMs).toISOString();
  return version === '1.6'
    ? { reservationId: id, connectorId: evseId, idTag: idToken, expiryDate: expiry }
    : { id, evseId, idToken: { idToken, type: 'ISO14443' }, expiryDateTime: expiry };
}

describe.each(['1.6', '2.0.1'] as const)('reservations on a simulated OCPP %s station', (version) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const id = `R-${version.replaceAll('.', '')}`;

  beforeEach(async () => {
    csms = await TestCsms.start();
    station = new SimulatedStation({ id, version, connection: { url: csms.url, securityProfile: 0 }, evseCount: 2 });
    await station.connect();
    await station.boot();
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('keeps a reservation and names it when its token starts there', async () => {
    await expect(csms.call(id, 'ReserveNow', reserveNow(version, 7, 1, 'TAG-A', 60_000))).resolves.toEqual({ status: 'Accepted' });
    await expect(csms.call(id, 'ReserveNow', reserveNow(version, 8, 1, 'TAG-B', 60_000))).resolves.toEqual({ status: 'Occupied' });
    await expect(csms.call(id, 'ReserveNow', reserveNow(version, 9, 3, 'TAG-B', 60_000))).resolves.toEqual({ status: 'Rejected' });
    await station.startTransaction({ evseId: 1, idToken: 'TAG-A' });
    const started = await csms.waitFor((call) => call.action === (version === '1.6' ? 'StartTransaction' : 'TransactionEvent'));
    expect(started.payload['reservationId']).toBe(7);
    expect(station.reservations.list()).toEqual([]);
    await expect(csms.call(id, 'ReserveNow', reserveNow(version, 10, 1, 'TAG-B', 60_000))).resolves.toEqual({ status: 'Occupied' });
  });

  it('cancels a held reservation once, and starts another token without naming it', async () => {
    await csms.call(id, 'ReserveNow', reserveNow(version, 7, 2, 'TAG-A', 60_000));
    await station.startTransaction({ evseId: 2, idToken: 'TAG-B' });
    const started = await csms.waitFor((call) => call.action === (version === '1.6' ? 'StartTransaction' : 'TransactionEvent'));
    expect(started.payload['reservationId']).toBeUndefined();
    await expect(csms.call(id, 'CancelReservation', { reservationId: 7 })).resolves.toEqual({ status: 'Accepted' });
    await expect(csms.call(id, 'CancelReservation', { reservationId: 7 })).resolves.toEqual({ status: 'Rejected' });
  });

  it(version === '2.0.1' ? 'reports the expiry with ReservationStatusUpdate Expired' : 'forgets the reservation at its expiry', async () => {
    await csms.call(id, 'ReserveNow', reserveNow(version, 11, 0, 'TAG-A', 300));
    expect(station.reservations.list().map((reservation) => reservation.id)).toEqual([11]);
    if (version === '2.0.1') {
      const update = await csms.waitFor((call) => call.action === 'ReservationStatusUpdate');
      expect(update.payload).toEqual({ reservationId: 11, reservationUpdateStatus: 'Expired' });
    } else {
      const deadline = Date.now() + 10_000;
      while (station.reservations.list().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(station.reservations.list()).toEqual([]);
  });
});
