import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { basicAuth, connectStation, exchange } from '@test/support/ws-station';
import pino from 'pino';

const PASSWORD = 'security-events-password';
const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/**
 * GET /api/security-events of the pki service: the security events stations report and those the
 * connection service's gateway raises itself (wrong password, profile downgrade, unknown
 * station), stored once per event id from ocpp.events, behind the same bearer tokens and roles
 * as the connection service. Two services as processes on real Kafka and PostgreSQL.
 */
describe('security events', () => {
  const prefix = uniqueTopicPrefix('secevents');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let wsUrl: string;
  let bus: MessageBus;

  const call = (service: ServiceProcess, method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(service.baseUrl, method, route, as, body);

  /** The PKI's security events matching `query` once there are `count` of them (consumed from Kafka). */
  const stored = (query: string, count: number) =>
    eventually(
      `${count} security events (${query})`,
      async () => {
        const answer = await call(pki, 'GET', `/api/security-events?limit=500${query}`, 'viewer');
        return answer.body.items?.length === count ? answer.body.items : undefined;
      },
      30_000,
      [connection, pki],
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-security-events-'));
    database = await createTestDatabase('security_events');
    const wsPort = await freePort();
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    [connection, pki] = await Promise.all([
      freePort().then((port) => startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'reject' }, port)),
      freePort().then((port) => startService('pki', env, port)),
    ]);
    await Promise.all([waitUntilReady(connection), waitUntilReady(pki)]);
    expect((await call(connection, 'PUT', '/api/stations/SEC-16', 'admin', { securityProfile: 1, password: PASSWORD })).status).toBe(201);
    expect((await call(connection, 'PUT', '/api/stations/SEC-DOWN', 'admin', { securityProfile: 2, password: PASSWORD })).status).toBe(201);
    expect((await call(connection, 'PUT', '/api/stations/SEC-201', 'admin', { securityProfile: 0 })).status).toBe(201);
    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-secevents', topicPrefix: prefix, partitions: 6, commandPartitions: 16, replicationFactor: 1, retentionMs: 3_600_000 },
      pino({ level: 'silent' }),
    );
    await bus.start();
  });

  afterAll(async () => {
    await bus?.stop();
    await Promise.all([connection, pki].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores the events the gateway raises when it refuses a connection', async () => {
    const refusals = [
      ['SEC-16', basicAuth('SEC-16', 'not-the-password-at-all')],
      ['SEC-DOWN', basicAuth('SEC-DOWN', PASSWORD)],
      ['SEC-NOBODY', {}],
    ] as const;
    for (const [stationId, headers] of refusals) {
      expect(await connectStation(`${wsUrl}/${stationId}`, ['ocpp1.6'], { headers })).toMatchObject({ open: false, status: 401 });
    }
    const raised = { eventId: expect.any(String), at: ISO, raisedByCsms: true, receivedAt: ISO };
    expect(await stored('&stationId=SEC-16', 1)).toEqual([{ ...raised, stationId: 'SEC-16', type: 'InvalidCredentials', techInfo: 'wrong station id or password' }]);
    expect(await stored('&stationId=SEC-DOWN', 1)).toEqual([
      { ...raised, stationId: 'SEC-DOWN', type: 'SecurityProfileDowngrade', techInfo: 'security profile 2 required, connection offers 1' },
    ]);
    expect(await stored('&type=UnknownStation', 1)).toEqual([{ ...raised, stationId: 'SEC-NOBODY', type: 'UnknownStation', techInfo: 'station id not registered' }]);
  });

  it('stores a station’s SecurityEventNotification at the station’s own time', async () => {
    const opened = await connectStation(`${wsUrl}/SEC-201`, ['ocpp2.0.1']);
    if (!opened.open) throw new Error(`SEC-201 refused with ${opened.status}`);
    const boot = [2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'DC-50' } }];
    expect(await exchange(opened.socket, JSON.stringify(boot))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    const notification = { type: 'TamperDetectionActivated', timestamp: '2025-06-01T11:59:00.000Z', techInfo: 'door opened' };
    expect(await exchange(opened.socket, JSON.stringify([2, 'n1', 'SecurityEventNotification', notification]))).toEqual([3, 'n1', {}]);
    opened.socket.close();
    expect(await stored('&stationId=SEC-201', 1)).toEqual([
      { eventId: expect.any(String), stationId: 'SEC-201', type: 'TamperDetectionActivated', at: '2025-06-01T11:59:00.000Z', techInfo: 'door opened', raisedByCsms: false, receivedAt: ISO },
    ]);
  });

  it('stores an event delivered twice once', async () => {
    const event = createEnvelope('stationEvent', {
      eventId: 'sec-duplicate-1',
      stationId: 'SEC-201',
      correlationId: 'sec-duplicate-1',
      occurredAt: timestampFromDate(new Date('2025-06-01T11:00:00Z')),
      body: { case: 'securityEvent', value: { type: 'FirmwareUpdated', techInfo: '2.2', raisedByCsms: false, raisedAt: timestampFromDate(new Date('2025-06-01T11:00:00Z')) } },
    });
    const publisher = new EnvelopePublisher(bus);
    await publisher.publish(Topics.events, event);
    await publisher.publish(Topics.events, event);
    // A later event on the same key (partition) proves both copies were consumed.
    const after = createEnvelope('stationEvent', { eventId: 'sec-after-duplicate', stationId: 'SEC-201', body: { case: 'securityEvent', value: { type: 'ResetOrReboot' } } });
    await publisher.publish(Topics.events, after);
    await stored('&type=ResetOrReboot', 1);
    expect(await stored('&type=FirmwareUpdated', 1)).toEqual([expect.objectContaining({ eventId: 'sec-duplicate-1', at: '2025-06-01T11:00:00.000Z', techInfo: '2.2' })]);
    const rows = await database.query<{ count: string }>(`SELECT count(*) AS count FROM pki.security_event WHERE event_id = 'sec-duplicate-1'`);
    expect(rows[0]?.count).toBe('1');
  });

  it('lists newest first, filters by time and pages with a cursor', async () => {
    const all = await stored('', 6);
    const instants = all.map((event) => Date.parse(String(event.at)));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
    const june = await call(pki, 'GET', '/api/security-events?from=2025-06-01T00:00:00Z&to=2025-06-02T00:00:00Z', 'viewer');
    expect(june.body.items?.map((event) => event.type)).toEqual(['TamperDetectionActivated', 'FirmwareUpdated']);
    const paged: Json[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await call(pki, 'GET', `/api/security-events?limit=4${cursor ? `&cursor=${cursor}` : ''}`, 'viewer');
      paged.push(...(page.body.items ?? []));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('serves the same auth, roles, problem JSON and OpenAPI as the connection service', async () => {
    expect((await call(pki, 'GET', '/api/security-events', 'nobody')).status).toBe(401);
    const bad = await call(pki, 'GET', '/api/security-events?from=yesterday', 'viewer');
    expect(bad).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/), body: { code: 'invalid-request', detail: expect.stringMatching(/^query\.from: /) } });
    const document = (await (await fetch(`${pki.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, { 'x-required-role'?: string; security?: unknown }>> };
    expect(document.paths['/api/security-events']?.get).toMatchObject({ 'x-required-role': 'viewer', security: [{ 'api-token': [] }, { oidc: [] }] });
  });
});
