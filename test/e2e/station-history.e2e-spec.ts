import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { closed, connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/**
 * GET /api/stations/{id}/history: a station's boots with the answers they got, its connector
 * statuses and its connections, driven by stations over real OCPP-J (1.6 and 2.0.1), newest
 * first with filters and cursor paging; and HISTORY_RETENTION_DAYS pruning old rows.
 */
describe('station history', () => {
  const prefix = uniqueTopicPrefix('history');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let env: Record<string, string>;
  let wsUrl: string;

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  /** The station's history once it holds `count` entries (written in the background). */
  const history = (stationId: string, query: string, count: number) =>
    eventually(
      `${count} history entries of ${stationId} (${query})`,
      async () => {
        const answer = await call('GET', `/api/stations/${stationId}/history?limit=500${query}`, 'viewer');
        return answer.body.items?.length === count ? answer.body.items : undefined;
      },
      30_000,
      [connection],
    );

  async function open(stationId: string, protocol: 'ocpp1.6' | 'ocpp2.0.1'): Promise<WebSocket> {
    const opened = await connectStation(`${wsUrl}/${stationId}`, [protocol]);
    if (!opened.open) throw new Error(`${stationId} refused with ${opened.status}: ${opened.body}`);
    return opened.socket;
  }

  async function start(): Promise<void> {
    connection = startService('connection', env, await freePort());
    await waitUntilReady(connection);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-station-history-'));
    database = await createTestDatabase('station_history');
    const wsPort = await freePort();
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: prefix,
      DATABASE_URL: database.url,
      OCPP_WS_PORT: String(wsPort),
      OCPP_UNKNOWN_STATIONS: 'reject',
      HISTORY_RETENTION_DAYS: '30',
      API_TOKENS_FILE: api.writeTokenFile(dir),
      LOG_LEVEL: 'warn',
    };
    await start();
    expect((await call('PUT', '/api/stations/HIST-16', 'admin', { securityProfile: 0, registrationStatus: 'pending' })).status).toBe(201);
    expect((await call('PUT', '/api/stations/HIST-201', 'admin', { securityProfile: 0 })).status).toBe(201);
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records a 1.6 station’s boots with their answers, its statuses and its connection', async () => {
    const socket = await open('HIST-16', 'ocpp1.6');
    const boot = JSON.stringify([2, 'b1', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22', chargePointSerialNumber: 'SN-H16', firmwareVersion: '1.0.3' }]);
    expect(await exchange(socket, boot)).toEqual([3, 'b1', expect.objectContaining({ status: 'Pending' })]);
    expect((await call('POST', '/api/stations/HIST-16/accept', 'operator')).status).toBe(200);
    expect(await exchange(socket, boot.replace('"b1"', '"b2"'))).toEqual([3, 'b2', expect.objectContaining({ status: 'Accepted' })]);
    for (const [id, status] of [
      ['s1', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: '2025-06-01T10:00:00.000Z' }],
      ['s2', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted', info: 'ground', vendorErrorCode: 'E42', timestamp: '2025-06-01T10:05:00.000Z' }],
    ] as const) {
      expect(await exchange(socket, JSON.stringify([2, id, 'StatusNotification', status]))).toEqual([3, id, {}]);
    }
    const gone = closed(socket);
    socket.close(1000, 'maintenance');
    await gone;

    const boots = await history('HIST-16', '&kind=boot', 2);
    const identity = { kind: 'boot', at: ISO, vendor: 'Acme', model: 'AC-22', serialNumber: 'SN-H16', firmwareVersion: '1.0.3', bootReason: null };
    expect(boots).toEqual([
      { ...identity, status: 'Accepted', statusReason: null },
      { ...identity, status: 'Pending', statusReason: 'awaiting-acceptance' },
    ]);
    expect(await history('HIST-16', '&kind=status', 2)).toEqual([
      { kind: 'status', at: '2025-06-01T10:05:00.000Z', evseId: 1, connectorId: 1, status: 'Faulted', ocppStatus: 'Faulted', errorCode: 'GroundFailure', info: 'ground', vendorErrorCode: 'E42' },
      { kind: 'status', at: '2025-06-01T10:00:00.000Z', evseId: 1, connectorId: 1, status: 'Available', ocppStatus: 'Available', errorCode: 'NoError', info: null, vendorErrorCode: null },
    ]);
    const link = { kind: 'connection', at: ISO, protocol: 'ocpp1.6', securityProfile: 0, replica: expect.any(String) };
    expect(await history('HIST-16', '&kind=connection', 2)).toEqual([
      { ...link, event: 'disconnected', closeCode: 1000, reason: 'maintenance' },
      { ...link, event: 'connected', closeCode: null, reason: null },
    ]);
  });

  it('merges every kind newest first, filters by time and pages with a cursor', async () => {
    const all = await history('HIST-16', '', 6);
    const instants = all.map((entry) => Date.parse(String(entry.at)));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    expect(all.map((entry) => entry.kind).sort()).toEqual(['boot', 'boot', 'connection', 'connection', 'status', 'status']);

    const window = await call('GET', '/api/stations/HIST-16/history?from=2025-06-01T10:01:00Z&to=2025-06-02T00:00:00Z', 'viewer');
    expect(window.body).toEqual({ items: [expect.objectContaining({ kind: 'status', status: 'Faulted' })], nextCursor: null });

    const paged: Json[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await call('GET', `/api/stations/HIST-16/history?limit=4${cursor ? `&cursor=${cursor}` : ''}`, 'viewer');
      paged.push(...(page.body.items ?? []));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('records a 2.0.1 station’s boot reason and statuses, and a connection replaced by a newer one', async () => {
    const first = await open('HIST-201', 'ocpp2.0.1');
    const boot = [2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'DC-50', serialNumber: 'SN-H201', firmwareVersion: '2.1' } }];
    expect(await exchange(first, JSON.stringify(boot))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    const status = { timestamp: '2025-06-02T08:00:00.000Z', connectorStatus: 'Occupied', evseId: 1, connectorId: 1 };
    expect(await exchange(first, JSON.stringify([2, 's1', 'StatusNotification', status]))).toEqual([3, 's1', {}]);
    const replaced = closed(first);
    const second = await open('HIST-201', 'ocpp2.0.1');
    await replaced;
    second.close();

    const entries = await history('HIST-201', '', 6);
    // The status carries the station's own (older) time; the boot was stamped on arrival.
    expect(entries.filter((entry) => entry.kind !== 'connection')).toEqual([
      { kind: 'boot', at: ISO, vendor: 'Acme', model: 'DC-50', serialNumber: 'SN-H201', firmwareVersion: '2.1', bootReason: 'PowerUp', status: 'Accepted', statusReason: null },
      { kind: 'status', at: '2025-06-02T08:00:00.000Z', evseId: 1, connectorId: 1, status: 'Occupied', ocppStatus: 'Occupied', errorCode: null, info: null, vendorErrorCode: null },
    ]);
    const connections = entries.filter((entry) => entry.kind === 'connection').map(({ event, closeCode, reason, protocol }) => ({ event, closeCode, reason, protocol }));
    expect(connections).toEqual(
      expect.arrayContaining([
        { event: 'disconnected', closeCode: 1000, reason: 'replaced by a newer connection of the same station', protocol: 'ocpp2.0.1' },
        { event: 'disconnected', closeCode: 1005, reason: null, protocol: 'ocpp2.0.1' },
      ]),
    );
    expect(connections.filter((entry) => entry.event === 'connected')).toHaveLength(2);
  });

  it('lets a viewer read, refuses callers without a token, and answers 404 for an unknown station', async () => {
    expect((await call('GET', '/api/stations/HIST-16/history', 'nobody')).status).toBe(401);
    expect((await call('GET', '/api/stations/NOBODY/history', 'viewer')).body).toMatchObject({ status: 404, code: 'station-not-found' });
    expect((await call('GET', '/api/stations/HIST-16/history?kind=meter', 'viewer')).body).toMatchObject({ status: 400, detail: expect.stringMatching(/^query\.kind: /) });
  });

  it('prunes history recorded longer ago than HISTORY_RETENTION_DAYS', async () => {
    const aged = (days: number, vendor: string) =>
      database.query(
        `INSERT INTO connection.station_boot_history (station_id, at, vendor, model, status, recorded_at) VALUES ('HIST-16', now() - $1::interval, $2, 'Old', 'Accepted', now() - $1::interval)`,
        [`${days} days`, vendor],
      );
    await aged(40, 'Expired');
    await aged(20, 'Kept');
    await database.query(
      `INSERT INTO connection.command_log (command_id, station_id, origin_service, command, issued_at, completed_at, status, replica, recorded_at)
       VALUES ('old-command', 'HIST-16', 'connection', 'reset', now() - interval '40 days', now() - interval '40 days', 'accepted', 0, now() - interval '40 days')`,
    );
    // Pruning runs at start-up (and hourly after).
    expect(await connection.stop('SIGTERM')).toBe(0);
    await start();
    // Recent commands (the capabilities question after each boot) stay; the aged one goes.
    await eventually('expired rows pruned', async () => {
      const rows = await database.query<{ count: string }>(`SELECT (SELECT count(*) FROM connection.station_boot_history WHERE vendor = 'Expired') + (SELECT count(*) FROM connection.command_log WHERE command_id = 'old-command') AS count`);
      return rows[0]?.count === '0' ? true : undefined;
    });
    const boots = await history('HIST-16', '&kind=boot', 3);
    expect(boots.map((entry) => entry.vendor)).toEqual(['Acme', 'Acme', 'Kept']);
  });
});
