import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope } from '@app/contracts';
import { EnvelopeConsumer, EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { SimulatedStation } from '@app/simulator';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SECRET = 'authorization-key-0123456789';

/**
 * GET /api/commands: every command a connection replica ran, whichever service sent it (the
 * operator API with its token's name, a backend's StationCommandClient without one), what it
 * became in the station's version and what the station answered; also a command that reached a
 * replica that does not hold the station. Real Kafka and PostgreSQL, the service as a process.
 */
describe('command history', () => {
  const prefix = uniqueTopicPrefix('cmdlog');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let bus: MessageBus;
  let presence: PresenceDirectory;
  let backend: StationCommandClient;

  const call = (method: string, route: string, as: Role | 'nobody' | 'forged', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  /** The command's history record, once it is written (in the background, after the answer). */
  const recorded = (commandId: unknown) =>
    eventually(
      `command ${String(commandId)} in the history`,
      async () => {
        const answer = await call('GET', `/api/commands/${String(commandId)}`, 'viewer');
        return answer.status === 200 ? answer.body : undefined;
      },
      30_000,
      [connection],
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-command-history-'));
    database = await createTestDatabase('command_history');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_COMMAND_PARTITIONS: '2',
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        API_TOKENS_FILE: api.writeTokenFile(dir),
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    for (const [id, version] of [
      ['CH-16', '1.6'],
      ['CH-201', '2.0.1'],
    ] as const) {
      const station = new SimulatedStation({ id, version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 }, resetBehaviour: 'acknowledge' });
      stations.push(station);
      await station.connect();
      await station.boot();
    }

    const logger = pino({ level: 'silent' });
    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-cmdlog', topicPrefix: prefix, partitions: 6, commandPartitions: 2, replicationFactor: 1, retentionMs: 3_600_000 },
      logger,
    );
    await bus.start();
    const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    presence = new PresenceDirectory();
    backend = new StationCommandClient('e2e-smart-charging', presence, new EnvelopePublisher(bus));
    await consumer.subscribe({ topic: Topics.presence, groupId: 'e2e.cmdlog.presence', handle: async (record) => presence.apply(record) });
    await consumer.subscribe({ topic: Topics.results, groupId: 'e2e.cmdlog.results', from: 'now', handle: async (result) => backend.receive(result) });
    await eventually('both stations present', async () => (presence.locate('CH-16')?.connected && presence.locate('CH-201')?.connected ? true : undefined), 60_000, [connection]);
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.dispose()));
    await bus?.stop();
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['CH-16', 'GetConfiguration'],
    ['CH-201', 'GetVariables'],
  ])('records the capabilities question the service asked %s itself after its boot (%s)', async (stationId, action) => {
    const asked = await eventually(
      `the capabilities command of ${stationId} in the history`,
      async () => {
        const answer = await call('GET', `/api/commands?stationId=${stationId}`, 'viewer');
        return answer.body.items?.find((item) => item.command === 'getChargingCapabilities');
      },
      30_000,
      [connection],
    );
    expect(asked).toMatchObject({ stationId, originService: 'connection', actor: null, action, status: 'accepted' });
  });

  it('records an operator’s command with the token’s name, the call sent and the station’s answer', async () => {
    const sent = await call('POST', '/api/stations/CH-16/commands/reset', 'operator', { type: 'soft' });
    expect(sent).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const record = await recorded(sent.body.commandId);
    expect(record).toEqual({
      commandId: sent.body.commandId,
      stationId: 'CH-16',
      originService: 'connection',
      actor: 'e2e-operator',
      command: 'reset',
      action: 'Reset',
      request: { type: 'Soft' },
      issuedAt: expect.stringMatching(ISO),
      completedAt: expect.stringMatching(ISO),
      status: 'accepted',
      response: sent.body.result,
      errorCode: null,
      errorDescription: null,
      replica: 0,
    });
    expect(Date.parse(String(record.completedAt))).toBeGreaterThanOrEqual(Date.parse(String(record.issuedAt)));
  });

  it('records a backend service’s command without an actor', async () => {
    const outcome = await backend.send('CH-201', { case: 'triggerMessage', value: { message: 'Heartbeat' } });
    expect(outcome.status).toBe('accepted');
    expect(await recorded(outcome.commandId)).toMatchObject({
      stationId: 'CH-201',
      originService: 'e2e-smart-charging',
      actor: null,
      command: 'triggerMessage',
      action: 'TriggerMessage',
      request: { requestedMessage: 'Heartbeat' },
      status: 'accepted',
      response: outcome.result,
    });
  });

  it('records a command that reached a replica which does not hold the station', async () => {
    // Stale presence: the client believes CH-GHOST is on replica 0, which has never seen it.
    presence.apply(createEnvelope('stationPresence', { eventId: 'ghost', stationId: 'CH-GHOST', body: { case: 'state', value: { epoch: 1n, connected: true, commandPartition: 0, replicaId: 'gone' } } }));
    const outcome = await backend.send('CH-GHOST', { case: 'clearCache', value: {} });
    expect(outcome.status).toBe('not-connected');
    expect(await recorded(outcome.commandId)).toMatchObject({
      stationId: 'CH-GHOST',
      command: 'clearCache',
      action: null,
      request: null,
      status: 'not-connected',
      response: null,
      errorDescription: 'station CH-GHOST is not connected to this replica',
      replica: 0,
    });
  });

  it('records a command the station’s version cannot express, and blanks credentials', async () => {
    const invalid = await call('POST', '/api/stations/CH-16/commands/reset', 'operator', { type: 'hard', evseId: 1 });
    expect(invalid.body).toMatchObject({ status: 422, commandId: expect.any(String) });
    expect(await recorded(invalid.body.commandId)).toMatchObject({ command: 'reset', action: null, status: 'invalid', errorDescription: expect.stringContaining('1.6') });

    const secret = await call('POST', '/api/stations/CH-16/commands/set-configuration', 'admin', { settings: [{ key: 'AuthorizationKey', value: SECRET }] });
    expect(secret.status).toBe(200);
    const record = await recorded(secret.body.commandId);
    expect(record).toMatchObject({ actor: 'e2e-admin', command: 'setConfiguration', action: 'ChangeConfiguration', request: { key: 'AuthorizationKey', value: '[redacted]' } });
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('lists commands newest first, filtered by station, status and time, page by page', async () => {
    const all = await call('GET', '/api/commands?limit=500', 'viewer');
    const items = all.body.items ?? [];
    // Five sent by the tests, and the capabilities question after each station's boot.
    expect(items).toHaveLength(7);
    const issued = items.map((item) => Date.parse(String(item.issuedAt)));
    expect(issued).toEqual([...issued].sort((a, b) => b - a));

    const ofStation = await call('GET', '/api/commands?stationId=CH-16', 'viewer');
    expect(ofStation.body.items?.map((item) => item.command)).toEqual(['setConfiguration', 'reset', 'reset', 'getChargingCapabilities']);
    const invalid = await call('GET', '/api/commands?status=invalid', 'viewer');
    expect(invalid.body.items?.map((item) => [item.stationId, item.status])).toEqual([['CH-16', 'invalid']]);
    expect((await call('GET', '/api/commands?from=2099-01-01T00:00:00Z', 'viewer')).body).toEqual({ items: [], nextCursor: null });
    expect((await call('GET', '/api/commands?to=2000-01-01T00:00:00Z', 'viewer')).body.items).toEqual([]);

    const paged: Json[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await call('GET', `/api/commands?limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'viewer');
      paged.push(...(page.body.items ?? []));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged.map((item) => item.commandId)).toEqual(items.map((item) => item.commandId));
  });

  it('lets a viewer read, refuses callers without a valid token, and answers problems', async () => {
    expect((await call('GET', '/api/commands', 'nobody')).status).toBe(401);
    expect((await call('GET', '/api/commands', 'forged')).status).toBe(401);
    expect((await call('GET', '/api/commands/whatever', 'nobody')).status).toBe(401);
    const missing = await call('GET', '/api/commands/no-such-command', 'viewer');
    expect(missing).toMatchObject({ status: 404, contentType: expect.stringMatching(/^application\/problem\+json/), body: { code: 'command-not-found' } });
    expect((await call('GET', '/api/commands?status=lost', 'viewer')).body).toMatchObject({ status: 400, detail: expect.stringMatching(/^query\.status: /) });
    expect((await call('GET', '/api/commands?cursor=bm9wZQ', 'viewer')).body).toMatchObject({ status: 400, detail: 'query.cursor: not a cursor this list gave out' });
  });

  it('counts commands and their durations in the metrics, by command and outcome', async () => {
    const metrics = await (await fetch(`${connection.baseUrl}/metrics`)).text();
    expect(metrics).toContain('csms_station_commands_total{command="reset",status="accepted"} 1');
    expect(metrics).toContain('csms_station_commands_total{command="clearCache",status="not-connected"} 1');
    expect(metrics).toMatch(/csms_station_command_duration_seconds_count\{command="triggerMessage",status="accepted"\} 1/);
  });
});
