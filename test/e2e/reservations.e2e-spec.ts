import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation, StationErrorCode } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';

const MINUTE = 60_000;
/** Long enough that no machine, however loaded, reaches it during the checks made while it holds. */
const HOLD_MS = 10 * MINUTE;
/** Short enough to wait for; the checks made while it holds are made well before it. */
const SHORT_HOLD_MS = 20_000;

/**
 * Reservations end to end in distributed mode (real Kafka and PostgreSQL, the connection service
 * as its own process), with the fleet simulator in both OCPP versions: created through REST (the
 * station answers ReserveNow), a reserved connector refuses another id token at Authorize and at
 * transaction start and accepts the reserving one (the reservation becomes used), the expiry
 * frees it, and a cancellation reaches the station. Socket level: a 2.0.1 ReservationStatusUpdate.
 */
describe('reservations', () => {
  const prefix = uniqueTopicPrefix('reserve');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  const call = (method: string, route: string, as: Role, body?: unknown) => api.call(connection.baseUrl, method, route, as, body);
  const reservation = async (id: unknown): Promise<Json> => (await call('GET', `/api/reservations/${String(id)}`, 'viewer')).body;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-reservations-'));
    database = await createTestDatabase('reservations');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'reject',
        OCPP_UNKNOWN_ID_TOKENS: 'reject',
        API_TOKENS_FILE: api.writeTokenFile(dir),
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    await database.query(`INSERT INTO connection.station (id, security_profile) VALUES ('RES-16', 0), ('RES-201', 0), ('RES-SOCKET', 0)`);
    await database.query(
      `INSERT INTO connection.id_token (value, type, status, group_id_token) VALUES
        ('TAG-HOLDER', 'ISO14443', 'Accepted', NULL), ('TAG-OTHER', 'ISO14443', 'Accepted', NULL), ('TAG-MATE', 'ISO14443', 'Accepted', 'FLEET-7')`,
    );
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each([
    { version: '1.6' as OcppVersion, stationId: 'RES-16', refusal: 'Invalid' },
    { version: '2.0.1' as OcppVersion, stationId: 'RES-201', refusal: 'NotAtThisTime' },
  ])('OCPP $version with the simulator', ({ version, stationId, refusal }) => {
    let station: SimulatedStation;

    const reserve = (idToken: string, holdMs: number, fields: object = {}) =>
      call('POST', '/api/reservations', 'operator', { stationId, evseId: 1, idToken, expiresAt: new Date(Date.now() + holdMs).toISOString(), ...fields });

    beforeAll(async () => {
      station = new SimulatedStation({ id: stationId, version, connection: { url: wsUrl, securityProfile: 0 }, evseCount: 1 });
      await station.connect();
      await station.boot();
      await station.sendStatus('Available');
    });

    afterAll(() => station?.dispose());

    it('reserves the connector through REST: the station accepts and keeps it', async () => {
      const created = await reserve('TAG-HOLDER', HOLD_MS, { groupIdToken: 'FLEET-7' });
      expect(created).toMatchObject({
        status: 201,
        body: {
          reservation: { stationId, evseId: 1, idToken: 'TAG-HOLDER', groupIdToken: 'FLEET-7', status: 'active', active: true, stationStatus: 'Accepted', createdBy: 'e2e-operator' },
          answer: { status: 'accepted', result: { status: 'Accepted', stationStatus: 'Accepted' } },
        },
      });
      const id = (created.body.reservation as Json).id;
      expect(station.reservations.list().map((held) => held.id)).toEqual([id]);
      const listed = await call('GET', `/api/reservations?stationId=${stationId}&active=true`, 'viewer');
      expect(listed.body.items?.map((item) => item.id)).toEqual([id]);
      // The station refuses a second reservation of its only connector; the CSMS keeps its reason.
      expect(await reserve('TAG-OTHER', HOLD_MS)).toMatchObject({ status: 201, body: { reservation: { status: 'occupied', active: false, stationStatus: 'Occupied' }, answer: { status: 'rejected' } } });
    });

    it('refuses another id token at Authorize and at transaction start, and accepts the reserving one and its group', async () => {
      expect(await station.authorize('TAG-OTHER')).toBe(refusal);
      expect(await station.authorize('TAG-HOLDER')).toBe('Accepted');
      expect(await station.authorize('TAG-MATE')).toBe('Accepted');
      await expect(station.startTransaction({ evseId: 1, idToken: 'TAG-OTHER' })).rejects.toMatchObject({
        code: StationErrorCode.NotAuthorized,
        message: expect.stringContaining(`(${refusal})`),
      });
      const [held] = (await call('GET', `/api/reservations?stationId=${stationId}&active=true`, 'viewer')).body.items ?? [];
      expect(held).toMatchObject({ status: 'active' });
    });

    it('lets the reserving token start on it: the station names the reservation, which becomes used', async () => {
      const [held] = (await call('GET', `/api/reservations?stationId=${stationId}&active=true`, 'viewer')).body.items ?? [];
      const started = await station.startTransaction({ evseId: 1, idToken: 'TAG-HOLDER' });
      expect(started.reservationId).toBe(held?.id);
      expect(await reservation(held?.id)).toMatchObject({ status: 'used', active: false, transactionId: started.transactionId, endedAt: expect.any(String) });
      await station.stopTransaction(1);
      expect(await station.authorize('TAG-OTHER')).toBe('Accepted');
    });

    it('frees the connector at the expiry', async () => {
      const created = await reserve('TAG-HOLDER', SHORT_HOLD_MS);
      expect(created).toMatchObject({ status: 201, body: { reservation: { status: 'active' } } });
      const id = (created.body.reservation as Json).id;
      expect(await station.authorize('TAG-OTHER')).toBe(refusal);
      const expired = await eventually(
        `reservation ${String(id)} expired`,
        async () => {
          const body = await reservation(id);
          return body.status === 'expired' ? body : undefined;
        },
        SHORT_HOLD_MS + MINUTE,
        [connection],
      );
      expect(expired).toMatchObject({ active: false });
      expect(await station.authorize('TAG-OTHER')).toBe('Accepted');
      const started = await station.startTransaction({ evseId: 1, idToken: 'TAG-OTHER' });
      expect(started.reservationId).toBeUndefined();
      await station.stopTransaction(1);
    });

    it('cancels a reservation at the station, and refuses to cancel it twice', async () => {
      const created = await reserve('TAG-HOLDER', HOLD_MS);
      const id = (created.body.reservation as Json).id;
      expect(await call('POST', `/api/reservations/${String(id)}/cancel`, 'operator')).toMatchObject({
        status: 200,
        body: { reservation: { id, status: 'cancelled', active: false }, answer: { status: 'accepted', result: { stationStatus: 'Accepted' } } },
      });
      expect(station.reservations.list()).toEqual([]);
      expect(await station.authorize('TAG-OTHER')).toBe('Accepted');
      expect(await call('POST', `/api/reservations/${String(id)}/cancel`, 'operator')).toMatchObject({ status: 409, body: { code: 'reservation-not-held' } });
    });

    it('sends a connector type only to a 2.0.1 station; for 1.6 it is refused and stored as failed with the reason', async () => {
      const sent = await reserve('TAG-HOLDER', HOLD_MS, { connectorType: 'cType2' });
      if (version === '2.0.1') {
        expect(sent).toMatchObject({ status: 201, body: { reservation: { connectorType: 'cType2', status: 'active' } } });
        const id = (sent.body.reservation as Json).id;
        expect(await call('POST', `/api/reservations/${String(id)}/cancel`, 'operator')).toMatchObject({ status: 200, body: { reservation: { status: 'cancelled' } } });
        return;
      }
      expect(sent).toMatchObject({ status: 422, body: { code: 'command-not-expressible', reservationId: expect.any(Number) } });
      expect(await reservation(sent.body.reservationId)).toMatchObject({ status: 'failed', failure: expect.stringContaining('OCPP 1.6 has no connector type') });
      expect(station.reservations.list()).toEqual([]);
    });
  });

  describe('REST edges', () => {
    it('lists by effective status, newest first, page by page', async () => {
      const byStatus = async (status: string) => (await call('GET', `/api/reservations?stationId=RES-16&status=${status}`, 'viewer')).body.items ?? [];
      expect(await byStatus('used')).toEqual([expect.objectContaining({ status: 'used', idToken: 'TAG-HOLDER' })]);
      expect(await byStatus('expired')).toEqual([expect.objectContaining({ status: 'expired', active: false })]);
      expect(await byStatus('cancelled')).toHaveLength(1);
      const all = (await call('GET', '/api/reservations?stationId=RES-16', 'viewer')).body.items ?? [];
      const ids: unknown[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await call('GET', `/api/reservations?stationId=RES-16&limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'viewer');
        expect(page.status).toBe(200);
        ids.push(...(page.body.items ?? []).map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(ids).toEqual(all.map((item) => item.id));
      expect([...ids].sort((a, b) => Number(b) - Number(a))).toEqual(ids);
    });

    it('needs operator to write and viewer to read, and refuses bad input precisely with nothing stored', async () => {
      const body = { stationId: 'RES-16', evseId: 1, idToken: 'TAG-HOLDER', expiresAt: new Date(Date.now() + HOLD_MS).toISOString() };
      expect((await call('POST', '/api/reservations', 'viewer', body)).status).toBe(403);
      expect(await call('POST', '/api/reservations', 'operator', { ...body, expiresAt: '2020-01-01T00:00:00Z' })).toMatchObject({ status: 422, body: { code: 'reservation-invalid' } });
      expect(await call('POST', '/api/reservations', 'operator', { ...body, stationId: 'NOBODY' })).toMatchObject({ status: 404, body: { code: 'station-not-found' } });
      expect((await call('POST', '/api/reservations', 'operator', { ...body, evseId: -1 })).status).toBe(400);
      expect(await call('GET', '/api/reservations/2147483647', 'viewer')).toMatchObject({ status: 404, body: { code: 'reservation-not-found' } });
      expect((await call('GET', '/api/reservations?active=maybe', 'viewer')).status).toBe(400);
    });
  });

  describe('socket level: 2.0.1 ReservationStatusUpdate', () => {
    it('answers {} after storing Removed, leaves an unknown or ended reservation alone, and refuses an invalid one', async () => {
      const [{ id }] = (await database.query(
        `INSERT INTO connection.reservation (station_id, evse_id, id_token, id_token_type, expires_at, status) VALUES ('RES-SOCKET', 1, 'TAG-HOLDER', 'ISO14443', now() + interval '1 hour', 'active') RETURNING id`,
      )) as [{ id: number }];
      const opened = await connectStation(`${wsUrl}/RES-SOCKET`, ['ocpp2.0.1']);
      if (!opened.open) throw new Error(`the station could not connect: ${opened.status}`);
      const { socket } = opened;
      try {
        const boot = [2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } }];
        expect(await exchange(socket, JSON.stringify(boot))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
        expect(await exchange(socket, JSON.stringify([2, 'u1', 'ReservationStatusUpdate', { reservationId: id, reservationUpdateStatus: 'Removed' }]))).toEqual([3, 'u1', {}]);
        expect(await reservation(id)).toMatchObject({ id, status: 'removed', active: false, endedAt: expect.any(String) });
        // Ended already, or unknown: answered all the same (the response has nothing to refuse with), nothing changes.
        expect(await exchange(socket, JSON.stringify([2, 'u2', 'ReservationStatusUpdate', { reservationId: id, reservationUpdateStatus: 'Expired' }]))).toEqual([3, 'u2', {}]);
        expect(await exchange(socket, JSON.stringify([2, 'u3', 'ReservationStatusUpdate', { reservationId: 999_999, reservationUpdateStatus: 'Expired' }]))).toEqual([3, 'u3', {}]);
        expect(await reservation(id)).toMatchObject({ status: 'removed' });
        const invalid = await exchange(socket, JSON.stringify([2, 'u4', 'ReservationStatusUpdate', { reservationId: id, reservationUpdateStatus: 'Gone' }]));
        expect(invalid).toEqual([4, 'u4', expect.stringMatching(/Violation/), expect.any(String), expect.anything()]);
      } finally {
        socket.close();
      }
    });
  });
});
