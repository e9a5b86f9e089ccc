import { EnvelopeConsumer, EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { expectNothingLostOrDoubled, takeDurabilityCensus } from '@test/support/durability-census';
import { LoadFleet } from '@test/support/fault-load';
import { faultSummary } from '@test/support/fault-report';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { TcpBalancer } from '@test/support/tcp-balancer';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const REPLICAS = 2;
const STATIONS = 40;
const PREFIX = 'FKILL-';
const logger = pino({ level: 'silent' });

/**
 * Issue 13, a gateway replica killed with SIGKILL under load: two connection replicas behind a
 * balancer, stations running sessions over both. The stations of the killed one reconnect to the
 * survivor and carry on; commands reach them there, each once; nothing a station got an answer
 * for is lost, nothing is stored or published twice.
 */
describe('fault: a gateway replica killed under load', () => {
  const topicPrefix = uniqueTopicPrefix('faultkill');
  let database: TestDatabase;
  let replicas: ServiceProcess[];
  let balancer: TcpBalancer;
  let bus: MessageBus;
  let presence: PresenceDirectory;
  let client: StationCommandClient;
  let fleet: LoadFleet;

  beforeAll(async () => {
    database = await createTestDatabase('fault_replica_kill');
    const wsPorts = await Promise.all(Array.from({ length: REPLICAS }, () => freePort()));
    replicas = await Promise.all(
      wsPorts.map(async (wsPort, index) =>
        startService(
          'connection',
          {
            KAFKA_BROKERS: testBrokers(),
            KAFKA_TOPIC_PREFIX: topicPrefix,
            KAFKA_COMMAND_PARTITIONS: String(REPLICAS),
            CONNECTION_REPLICA_INDEX: String(index),
            DATABASE_URL: database.url,
            OCPP_WS_PORT: String(wsPort),
            OCPP_UNKNOWN_STATIONS: 'accept',
            OCPP_UNKNOWN_ID_TOKENS: 'accept',
            OCPP_DURABLE_ACK_TIMEOUT_MS: '1500',
            LOG_LEVEL: 'warn',
          },
          await freePort(),
        ),
      ),
    );
    await Promise.all(replicas.map((replica) => waitUntilReady(replica, 90_000)));

    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-fault-kill', topicPrefix, partitions: 6, commandPartitions: REPLICAS, replicationFactor: 1, retentionMs: 3_600_000 },
      logger,
    );
    await bus.start();
    const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    presence = new PresenceDirectory();
    client = new StationCommandClient('e2e-fault-kill', presence, new EnvelopePublisher(bus));
    await consumer.subscribe({ topic: Topics.presence, groupId: 'e2e.presence', handle: async (record) => presence.apply(record) });
    await consumer.subscribe({ topic: Topics.results, groupId: 'e2e.results', from: 'now', handle: async (result) => client.receive(result) });

    balancer = new TcpBalancer(wsPorts.map((port) => ({ host: '127.0.0.1', port })));
    const balancerPort = await balancer.start();
    fleet = new LoadFleet({ prefix: PREFIX, count: STATIONS, url: `ws://127.0.0.1:${balancerPort}/ocpp`, paceMs: 500, meterValuesPerSession: 5, callTimeoutMs: 4000 });
  }, 180_000);

  afterAll(async () => {
    await fleet?.dispose();
    await balancer?.stop();
    await bus?.stop();
    await Promise.all((replicas ?? []).map((replica) => replica.stop('SIGKILL')));
    await database?.drop();
  });

  const stationIds = () => fleet.stations.map((station) => station.id);
  const triggersReceived = () => new Map(fleet.stations.map((station) => [station.id, 0]));

  async function commandEveryStation(): Promise<Record<string, number>> {
    const outcomes = await Promise.all(stationIds().map((id) => client.send(id, { case: 'triggerMessage', value: { message: 'Heartbeat' } }, { timeoutMs: 30_000 })));
    return outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome.status]: (counts[outcome.status] ?? 0) + 1 }), {});
  }

  it('moves the killed replica’s stations to the survivor, reaches them there once, and loses or doubles nothing answered', async () => {
    const [survivor, victim] = replicas;
    if (!survivor || !victim) throw new Error('two replicas expected');
    const until = (what: string, holds: () => boolean, timeoutMs: number) =>
      eventually(
        what,
        async () => {
          if (fleet.failure !== undefined) throw new ProbeAbort(`a station failed: ${String(fleet.failure)}`);
          if (survivor.child.exitCode !== null) throw new ProbeAbort(`the surviving replica exited with ${survivor.child.exitCode}`);
          return holds() ? true : undefined;
        },
        timeoutMs,
        replicas,
      );
    const triggers = triggersReceived();
    for (const station of fleet.stations) {
      station.events.on('callReceived', ({ action }) => {
        if (action === 'TriggerMessage') triggers.set(station.id, (triggers.get(station.id) ?? 0) + 1);
      });
    }
    await fleet.start();
    const warm = fleet.snapshot();
    await until('every station sending under load', () => fleet.servedSince(warm), 90_000);
    await until('both replicas holding stations', () => new Set(stationIds().map((id) => presence.locate(id)?.commandPartition)).size === REPLICAS, 60_000);
    const onVictim = stationIds().filter((id) => presence.locate(id)?.commandPartition === 1).length;

    await victim.stop('SIGKILL');
    const killedAt = Date.now();
    const afterKill = fleet.snapshot();
    await until(
      'every station connected to the survivor and answered again',
      () => fleet.servedSince(afterKill) && stationIds().every((id) => presence.locate(id)?.connected && presence.locate(id)?.commandPartition === 0),
      120_000,
    );
    const recoveredMs = Date.now() - killedAt;
    expect(await commandEveryStation()).toEqual({ accepted: STATIONS });
    await fleet.stop();

    const census = await takeDurabilityCensus(fleet.receipts.values(), database, `${topicPrefix}ocpp.events`, PREFIX);
    console.info(
      faultSummary(
        'gateway-replica-kill',
        { sent: fleet.sent(), answered: census.answered, stored: census.answered - census.lost, duplicates: census.duplicates, reconnects: fleet.reconnects, recoveredMs },
        `${STATIONS} stations, ${onVictim} on the killed replica; stored without an answer: ${census.unanswered}; calls failed: ${fleet.outageSummary()}`,
      ),
    );

    expectNothingLostOrDoubled(census);
    // Each station ran the one command sent to it exactly once, on the replica that holds it now.
    expect([...triggers.values()].filter((count) => count !== 1)).toEqual([]);
  }, 420_000);
});
