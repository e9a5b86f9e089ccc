import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope } from '@app/contracts';
import { EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const GROUP = 'pki.station-events';
const REFUSAL = 'security event refused by the e2e trigger';

/**
 * Parked events end to end (ADR 041): the PKI's station-events consumer fails on one security
 * event (a database trigger refuses it), parks it after three identical failures and goes on; the
 * connection service lists it; once the trigger is gone a replay applies it once, and a second
 * replay changes nothing. Two services as processes on real Kafka and PostgreSQL.
 */
describe('parked events', () => {
  const prefix = uniqueTopicPrefix('parked');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let bus: MessageBus;

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  const securityEvent = (eventId: string, type: string) =>
    createEnvelope('stationEvent', { eventId, stationId: 'PARK-1', correlationId: `corr-${eventId}`, body: { case: 'securityEvent', value: { type, techInfo: 'e2e' } } });

  const countOf = async (sql: string, params: unknown[]) => Number((await database.query<{ n: string }>(sql, params))[0]?.n);
  const applied = (eventId: string) => countOf(`SELECT count(*) AS n FROM "pki"."processed_event" WHERE event_id = $1 AND consumer = $2`, [eventId, GROUP]);
  const stored = (eventId: string) => countOf(`SELECT count(*) AS n FROM "pki"."security_event" WHERE event_id = $1`, [eventId]);

  /** The PKI's count of replayed records its station-events group handled, from /metrics. */
  const replaysHandled = async () => {
    const metrics = await (await fetch(`${pki.baseUrl}/metrics`)).text();
    const line = metrics.split('\n').find((text) => text.startsWith(`csms_messages_replayed_total{topic="${Topics.events}",group="${GROUP}"}`));
    return line === undefined ? 0 : Number(line.split(' ').pop());
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-parked-events-'));
    database = await createTestDatabase('parked_events');
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: prefix,
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      MESSAGING_PARK_AFTER_FAILURES: '3',
      LOG_LEVEL: 'warn',
    };
    [connection, pki] = await Promise.all([
      freePort().then(async (port) => startService('connection', { ...env, OCPP_WS_PORT: String(await freePort()) }, port)),
      freePort().then((port) => startService('pki', env, port)),
    ]);
    await Promise.all([waitUntilReady(connection), waitUntilReady(pki)]);
    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-parked', topicPrefix: prefix, partitions: 6, commandPartitions: 16, replicationFactor: 1, retentionMs: 3_600_000 },
      pino({ level: 'silent' }),
    );
    await bus.start();
    // The fault: the PKI's table refuses one kind of security event, as a bug in a handler would.
    await database.query(`
      CREATE FUNCTION "pki".e2e_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'PoisonTest' THEN RAISE EXCEPTION '${REFUSAL}'; END IF;
        RETURN NEW;
      END $$`);
    await database.query(`CREATE TRIGGER e2e_refuse_poison BEFORE INSERT ON "pki"."security_event" FOR EACH ROW EXECUTE FUNCTION "pki".e2e_refuse_poison()`);
  });

  afterAll(async () => {
    await bus?.stop();
    await Promise.all([connection, pki].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let parkedId: string;

  it('parks the event its handler keeps failing on, goes on with the next one, and lists it', async () => {
    const publisher = new EnvelopePublisher(bus);
    await publisher.publish(Topics.events, securityEvent('poison-1', 'PoisonTest'));
    await publisher.publish(Topics.events, securityEvent('after-1', 'ResetOrReboot'));

    const items = await eventually(
      'the poison event listed as parked',
      async () => {
        const answer = await call('GET', `/api/parked-events?group=${GROUP}`, 'admin');
        return answer.status === 200 && answer.body.items?.length === 1 ? answer.body.items : undefined;
      },
      60_000,
      [connection, pki],
    );
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      group: GROUP,
      originalTopic: Topics.events,
      originalPartition: expect.any(Number),
      originalOffset: expect.stringMatching(/^\d+$/),
      key: 'PARK-1',
      body: 'securityEvent',
      correlationId: 'corr-poison-1',
      errorClass: 'QueryFailedError',
      errorMessage: REFUSAL,
      attempts: 3,
      parkedAt: expect.any(String),
      replayCount: 0,
      lastReplayedAt: null,
    });
    parkedId = String((items[0] as Json).id);
    // The event behind it on the same partition was applied; the poison one was not.
    await eventually('the next event applied', async () => ((await applied('after-1')) === 1 ? true : undefined), 30_000, [pki]);
    expect(await applied('poison-1')).toBe(0);
  });

  it('keeps parked events to admins and answers bad requests precisely', async () => {
    expect((await call('GET', '/api/parked-events', 'operator')).status).toBe(403);
    expect((await call('POST', `/api/parked-events/${parkedId}/replay`, 'nobody')).status).toBe(401);
    const unknown = await call('POST', '/api/parked-events/999999/replay', 'admin');
    expect(unknown).toMatchObject({ status: 404, contentType: expect.stringContaining('application/problem+json'), body: { code: 'parked-event-not-found' } });
    expect((await call('POST', '/api/parked-events/not-an-id/replay', 'admin')).status).toBe(400);
    expect((await call('POST', '/api/parked-events/replay', 'admin', { group: 'no spaces allowed' })).status).toBe(400);
    expect((await call('GET', '/api/parked-events?limit=0', 'admin')).status).toBe(400);
    expect(await applied('poison-1')).toBe(0);
  });

  it('applies the event once when its group is replayed after the fix, and a second replay changes nothing', async () => {
    await database.query(`DROP TRIGGER e2e_refuse_poison ON "pki"."security_event"`);

    const replay = await call('POST', '/api/parked-events/replay', 'admin', { group: GROUP });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ replayed: [expect.objectContaining({ id: parkedId, replayCount: 1 })], more: false });
    await eventually('the replayed event applied', async () => ((await applied('poison-1')) === 1 ? true : undefined), 30_000, [pki]);
    expect(await stored('poison-1')).toBe(1);
    // Nothing left to replay for the group.
    expect((await call('POST', '/api/parked-events/replay', 'admin', { group: GROUP })).body).toEqual({ replayed: [], more: false });

    const again = await call('POST', `/api/parked-events/${parkedId}/replay`, 'admin');
    expect(again).toMatchObject({ status: 200, body: { id: parkedId, replayCount: 2 } });
    await eventually('the second replay handled', async () => ((await replaysHandled()) === 2 ? true : undefined), 30_000, [pki]);
    expect(await applied('poison-1')).toBe(1);
    expect(await stored('poison-1')).toBe(1);
    expect((await call('GET', `/api/parked-events?group=${GROUP}`, 'admin')).body.items).toHaveLength(1);
  });
});
