import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

const boot16 = { chargePointVendor: 'Acme', chargePointModel: 'AC-22' };
const boot201 = { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'AC-22' } };
const call = (messageId: string, action: string, payload: object) => JSON.stringify([2, messageId, action, payload]);

/**
 * Registration: unknown stations held Pending until an operator accepts them
 * (OCPP_UNKNOWN_STATIONS=pending), rejected stations, and the SecurityError every other CALL of
 * a station that is not accepted gets (2.0.1 B02.FR.09, B03.FR.07; the same in 1.6).
 */
describe('station core: pending and rejected stations', () => {
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  const sockets: WebSocket[] = [];

  async function open(stationId: string, protocol: 'ocpp1.6' | 'ocpp2.0.1'): Promise<WebSocket> {
    const outcome = await connectStation(`${wsUrl}/${stationId}`, [protocol]);
    if (!outcome.open) throw new Error(`${stationId} refused with ${outcome.status}`);
    sockets.push(outcome.socket);
    return outcome.socket;
  }

  beforeAll(async () => {
    database = await createTestDatabase('station_core_registration');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('coreregistration'),
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'pending',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    await database.query(`INSERT INTO connection.station (id, security_profile, registration_status) VALUES ('BANNED', 0, 'rejected')`);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  describe.each([
    {
      protocol: 'ocpp2.0.1' as const,
      stationId: 'NEWBIE-201',
      boot: boot201,
      status: { timestamp: '2025-06-01T10:00:00Z', connectorStatus: 'Available', evseId: 1, connectorId: 1 },
    },
    { protocol: 'ocpp1.6' as const, stationId: 'NEWBIE-16', boot: boot16, status: { connectorId: 1, errorCode: 'NoError', status: 'Available' } },
  ])('an unknown station ($protocol) with OCPP_UNKNOWN_STATIONS=pending', ({ protocol, stationId, boot, status }) => {
    let socket: WebSocket;

    beforeAll(async () => {
      socket = await open(stationId, protocol);
    });

    it('is registered Pending and answered Pending with the boot retry interval', async () => {
      expect(await exchange(socket, call('b1', 'BootNotification', boot))).toEqual([
        3,
        'b1',
        { status: 'Pending', currentTime: expect.any(String), interval: 60 },
      ]);
      expect(await database.query(`SELECT registration_status, security_profile, auto_registered FROM connection.station WHERE id = $1`, [stationId])).toEqual([
        { registration_status: 'pending', security_profile: 0, auto_registered: true },
      ]);
    });

    it('has its other CALLs refused with SecurityError', async () => {
      expect(await exchange(socket, call('h1', 'Heartbeat', {}))).toEqual([4, 'h1', 'SecurityError', expect.stringContaining('registration pending'), {}]);
      expect(await exchange(socket, call('st1', 'StatusNotification', status))).toEqual([4, 'st1', 'SecurityError', expect.any(String), {}]);
    });

    it('is Accepted at its next boot once an operator accepted it', async () => {
      // The registration part of what the operator API's acceptance runs (CredentialProvisioningRepository.accept).
      await database.query(`UPDATE connection.station SET registration_status = 'accepted' WHERE id = $1 AND registration_status = 'pending'`, [stationId]);
      expect(await exchange(socket, call('b2', 'BootNotification', boot))).toEqual([
        3,
        'b2',
        { status: 'Accepted', currentTime: expect.any(String), interval: 300 },
      ]);
      expect(await exchange(socket, call('h2', 'Heartbeat', {}))).toEqual([3, 'h2', { currentTime: expect.any(String) }]);
    });
  });

  it('answers a rejected station Rejected, and refuses everything but BootNotification', async () => {
    const socket = await open('BANNED', 'ocpp1.6');
    expect(await exchange(socket, call('b1', 'BootNotification', boot16))).toEqual([
      3,
      'b1',
      { status: 'Rejected', currentTime: expect.any(String), interval: 60 },
    ]);
    expect(await exchange(socket, call('a1', 'Authorize', { idTag: 'TAG' }))).toEqual([4, 'a1', 'SecurityError', expect.any(String), {}]);
  });
});
