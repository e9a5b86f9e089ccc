import { EnvelopeConsumer, EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { Fleet, loopbackAddresses } from '@app/simulator';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { TcpBalancer } from '@test/support/tcp-balancer';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const REPLICAS = 3;
const STATIONS = 300;
const logger = pino({ level: 'silent' });

/**
 * Three connection replicas behind a balancer, 300 stations spread over them,
 * and a backend's command client: every command reaches exactly the replica
 * that holds the station, before and after a replica dies.
 */
describe('command routing across gateway replicas', () => {
  const prefix = uniqueTopicPrefix('routing');
  let database: TestDatabase;
  let replicas: ServiceProcess[];
  let balancer: TcpBalancer;
  let fleet: Fleet;
  let fleetRun: Promise<unknown>;
  let bus: MessageBus;
  let presence: PresenceDirectory;
  let client: StationCommandClient;

  beforeAll(async () => {
    database = await createTestDatabase('routing');
    const wsPorts = await Promise.all(Array.from({ length: REPLICAS }, () => freePort()));
    replicas = await Promise.all(
      wsPorts.map(async (wsPort, index) =>
        startService(
          'connection',
          {
            KAFKA_BROKERS: testBrokers(),
            KAFKA_TOPIC_PREFIX: prefix,
            KAFKA_COMMAND_PARTITIONS: String(REPLICAS),
            CONNECTION_REPLICA_INDEX: String(index),
            DATABASE_URL: database.url,
            OCPP_WS_PORT: String(wsPort),
            OCPP_UNKNOWN_STATIONS: 'accept',
            LOG_LEVEL: 'warn',
          },
          await freePort(),
        ),
      ),
    );
    await Promise.all(replicas.map((replica) => waitUntilReady(replica, 90_000)));

    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-routing', topicPrefix: prefix, partitions: 6, commandPartitions: REPLICAS, replicationFactor: 1, retentionMs: 3_600_000 },
      logger,
    );
    await bus.start();
    const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    presence = new PresenceDirectory();
    client = new StationCommandClient('e2e-backend', presence, new EnvelopePublisher(bus));
    await consumer.subscribe({ topic: Topics.presence, groupId: 'e2e.presence', handle: async (record) => presence.apply(record) });
    await consumer.subscribe({ topic: Topics.results, groupId: 'e2e.results', from: 'now', handle: async (result) => client.receive(result) });

    balancer = new TcpBalancer(wsPorts.map((port) => ({ host: '127.0.0.1', port })));
    const balancerPort = await balancer.start();
    fleet = new Fleet({
      url: `ws://127.0.0.1:${balancerPort}/ocpp`,
      count: STATIONS,
      version: 'mixed',
      securityProfile: 0,
      prefix: 'RT-',
      scenario: 'idle',
      meterIntervalS: 3600,
      durationS: 600,
      concurrency: 50,
      sourceAddresses: loopbackAddresses(1),
      shutdownGraceMs: 2000,
    });
    fleetRun = fleet.run();
  });

  afterAll(async () => {
    fleet?.stop();
    await fleetRun;
    await balancer?.stop();
    await bus?.stop();
    await Promise.all((replicas ?? []).map((replica) => replica.stop('SIGKILL')));
    await database?.drop();
  });

  const stationIds = () => Array.from({ length: STATIONS }, (_, index) => `RT-${String(index + 1).padStart(4, '0')}`);

  async function allConnected(exceptPartition?: number): Promise<void> {
    await eventually(
      `all ${STATIONS} stations connected${exceptPartition === undefined ? '' : ` away from replica ${exceptPartition}`}`,
      async () =>
        stationIds().every((id) => {
          const location = presence.locate(id);
          return location?.connected && location.commandPartition !== exceptPartition;
        })
          ? true
          : undefined,
      120_000,
      replicas,
    );
  }

  async function commandEveryStation(): Promise<Record<string, number>> {
    const outcomes = await Promise.all(stationIds().map((id) => client.send(id, { case: 'triggerMessage', value: { message: 'Heartbeat' } }, { timeoutMs: 20_000 })));
    return outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome.status]: (counts[outcome.status] ?? 0) + 1 }), {});
  }

  it('spreads the stations over the replicas and reaches every one with a command', async () => {
    await allConnected();
    const partitions = new Set(stationIds().map((id) => presence.locate(id)?.commandPartition));
    expect([...partitions].sort()).toEqual([0, 1, 2]);
    expect(await commandEveryStation()).toEqual({ accepted: STATIONS });
  });

  it('answers not-connected at once for a station that is offline', async () => {
    const started = Date.now();
    const outcome = await client.send('NOT-THERE', { case: 'triggerMessage', value: { message: 'Heartbeat' } });
    expect(outcome.status).toBe('not-connected');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reaches every station again after a replica dies and its stations reconnect elsewhere', async () => {
    const victim = replicas[1];
    if (!victim) throw new Error('no replica 1');
    await victim.stop('SIGKILL');
    await allConnected(1);
    expect(await commandEveryStation()).toEqual({ accepted: STATIONS });
  });
});
