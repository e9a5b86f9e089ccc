import { Headers, Topics } from '@app/messaging';
import { freePort } from '@test/support/free-port';
import { readUntil, testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import type { Admin, Kafka } from 'kafkajs';

const TOKEN = 'e2e-internal-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * The three services as separate processes on the real broker and PostgreSQL,
 * as in a distributed deployment.
 */
describe('distributed mode: three services over Kafka and PostgreSQL', () => {
  const prefix = uniqueTopicPrefix('dist');
  let database: TestDatabase;
  let kafka: Kafka;
  let admin: Admin;
  let connection: ServiceProcess;
  let smartCharging: ServiceProcess;
  let pki: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('distributed');
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: '3',
      KAFKA_COMMAND_PARTITIONS: '4',
      DATABASE_URL: database.url,
      INTERNAL_API_TOKEN: TOKEN,
      OCPP_WS_PORT: String(await freePort()),
    };
    // Started together, as a rollout would: topic creation and migrations must not race.
    [connection, smartCharging, pki] = await Promise.all([
      freePort().then((port) => startService('connection', env, port)),
      freePort().then((port) => startService('smart-charging', env, port)),
      freePort().then((port) => startService('pki', env, port)),
    ]);
    await Promise.all([connection, smartCharging, pki].map((service) => waitUntilReady(service)));
  });

  afterAll(async () => {
    await Promise.all([connection, smartCharging, pki].map((service) => service?.stop('SIGKILL')));
    await admin?.disconnect();
    await database?.drop();
  });

  it('creates every topic with the configured partitions and policies', async () => {
    const metadata = await admin.fetchTopicMetadata({ topics: Object.values(Topics).map((topic) => prefix + topic) });
    const partitions = Object.fromEntries(metadata.topics.map((topic) => [topic.name.slice(prefix.length), topic.partitions.length]));
    expect(partitions).toEqual({
      [Topics.events]: 3,
      [Topics.commands]: 4,
      [Topics.results]: 3,
      [Topics.presence]: 3,
      [Topics.deadLetter]: 1,
      [Topics.parked]: 1,
    });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2, name: prefix + Topics.presence, configNames: ['cleanup.policy'] }],
    });
    expect(configs.resources[0]?.configEntries[0]?.configValue).toBe('compact');
  });

  async function smartChargingKnowsConnected(stationId: string): Promise<void> {
    await eventually(`smart-charging saw ${stationId} connect`, async () => {
      const state = await fetch(`${smartCharging.baseUrl}/api/internal/smart-charging/stations/${stationId}`, { headers: auth });
      return state.status === 200 && ((await state.json()) as { connected: boolean }).connected ? true : undefined;
    });
  }

  it('delivers a connected event from the connection service to smart-charging and pki', async () => {
    const response = await fetch(`${connection.baseUrl}/api/internal/connection/synthetic-events/connected`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ stationId: 'CP-E2E-1', protocol: 'ocpp1.6' }),
    });
    expect(response.status).toBe(201);
    const { eventId } = (await response.json()) as { eventId: string };

    const delivery = await eventually(`pki applied ${eventId}`, async () => {
      const inbox = await fetch(`${pki.baseUrl}/api/internal/pki/inbox/${eventId}`, { headers: auth });
      return inbox.status === 200 ? ((await inbox.json()) as { deliveries: { consumer: string }[] }) : undefined;
    });
    expect(delivery.deliveries).toEqual([expect.objectContaining({ consumer: 'pki.station-events' })]);
    // Smart charging folds events into station states (idempotent facts, no inbox).
    await smartChargingKnowsConnected('CP-E2E-1');
  });

  it('dead-letters a corrupt payload and both consumers go on with the next event', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: prefix + Topics.events, messages: [{ key: 'CP-E2E-2', value: Buffer.from([0x0a, 0xff, 0x01]) }] });
    await producer.disconnect();

    const next = await fetch(`${connection.baseUrl}/api/internal/connection/synthetic-events/connected`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ stationId: 'CP-E2E-2' }),
    });
    const { eventId } = (await next.json()) as { eventId: string };
    await eventually(`pki applied ${eventId} after the corrupt record`, async () => {
      const inbox = await fetch(`${pki.baseUrl}/api/internal/pki/inbox/${eventId}`, { headers: auth });
      return inbox.status === 200 ? true : undefined;
    });
    await smartChargingKnowsConnected('CP-E2E-2');

    // Every consumer group of ocpp.events dead-letters it once: pki's two (station events, and the
    // stations' connections for its inventory) and smart charging's two (station states, and the
    // limits others set on stations).
    const deadLetters = await readUntil(kafka, prefix + Topics.deadLetter, (messages) => messages.length >= 4);
    const groups = deadLetters.map((message) => message.headers?.[Headers.consumerGroup]?.toString()).sort();
    expect(groups).toEqual(['pki.station-connections', 'pki.station-events', 'smart-charging.foreign-limits', 'smart-charging.station-events']);
    for (const message of deadLetters) {
      expect(message.headers?.[Headers.deadLetterCode]?.toString()).toBe('corrupt-payload');
      expect(message.headers?.[Headers.originalTopic]?.toString()).toBe(Topics.events);
      expect(message.key?.toString()).toBe('CP-E2E-2');
    }
    expect(smartCharging.child.exitCode).toBeNull();
    expect(pki.child.exitCode).toBeNull();
  });

  it('refuses internal endpoints without the token', async () => {
    const response = await fetch(`${pki.baseUrl}/api/internal/pki/inbox/anything`);
    expect(response.status).toBe(401);
  });

  it('serves OpenAPI docs and Prometheus metrics', async () => {
    const openapi = (await (await fetch(`${connection.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/health/ready', '/api/internal/connection/synthetic-events/connected']));
    const metrics = await (await fetch(`${smartCharging.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/csms_messages_consumed_total\{topic="ocpp.events",group="smart-charging.station-events"\} [1-9]/);
  });

  it('stops every service cleanly on SIGTERM', async () => {
    const codes = await Promise.all([connection, smartCharging, pki].map((service) => service.stop('SIGTERM')));
    expect(codes).toEqual([0, 0, 0]);
  });
});
