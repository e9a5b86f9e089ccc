import { createEnvelope } from '@app/contracts';
import {
  EnvelopeConsumer,
  EnvelopePublisher,
  Headers,
  type MessageBus,
  TransientFailure,
  Topics,
  createMessageBus,
  readParkedRecord,
  replayRecord,
} from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { readUntil, testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { eventually } from '@test/support/service-process';
import { type Kafka, Partitioners } from 'kafkajs';
import pino from 'pino';

const logger = pino({ level: 'silent' });
const PARTITIONS = 3;
const GROUP = 'e2e.poison';

/** The partition the producer's murmur2 partitioner gives a key, as kafkajs computes it. */
function partitionOf(key: string): number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
  return partitioner({ topic: Topics.events, partitionMetadata, message: { key, value: null } });
}

/** The first station ids that land in each partition. */
function stationsByPartition(): string[][] {
  const byPartition: string[][] = Array.from({ length: PARTITIONS }, () => []);
  for (let n = 0; byPartition.some((stations) => stations.length < 2); n++) {
    const station = `CP-P${n}`;
    const stations = byPartition[partitionOf(station)];
    if (stations && stations.length < 2) stations.push(station);
  }
  return byPartition;
}

function event(eventId: string, stationId: string) {
  return createEnvelope('stationEvent', { eventId, stationId, correlationId: `corr-${eventId}`, body: { case: 'connected', value: { securityProfile: 1 } } });
}

/**
 * Poison handling on the real broker (ADR 041): one event that keeps failing holds only its own
 * partition; the others are consumed meanwhile; it ends on ocpp.parked with its error, and a
 * replay after the fault is fixed reaches only its consumer group, once.
 */
describe('poison messages on a real broker', () => {
  const prefix = uniqueTopicPrefix('poison');
  let bus: MessageBus;
  let kafka: Kafka;

  beforeAll(async () => {
    bus = createMessageBus(
      {
        kind: 'kafka',
        brokers: testBrokers().split(','),
        clientId: 'e2e-poison',
        topicPrefix: prefix,
        partitions: PARTITIONS,
        commandPartitions: 1,
        replicationFactor: 1,
        retentionMs: 3_600_000,
        partitionsConsumedConcurrently: PARTITIONS,
      },
      logger,
    );
    await bus.start();
    kafka = testKafka();
  });

  afterAll(() => bus?.stop());

  it('parks the poison event while every other partition goes on, and replays it once after the fix', async () => {
    const [poisonPartition = [], ...otherPartitions] = stationsByPartition();
    const [poisonStation = '', neighbour = ''] = poisonPartition;
    const handledAt = new Map<string, number>();
    const handledOrder: string[] = [];
    const bystander: string[] = [];
    let poisonAttempts = 0;
    let poisonPermanentFrom = Number.POSITIVE_INFINITY;
    let faultFixed = false;
    let othersDone = false;

    const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry(), { parkAfterFailures: 3 });
    await consumer.subscribe({
      topic: Topics.events,
      groupId: GROUP,
      from: 'now',
      backoff: { initialMs: 200, maxMs: 400 },
      handle: async (envelope) => {
        if (envelope.eventId === 'poison' && !faultFixed) {
          poisonAttempts += 1;
          // An outage first (retried without limit, never parked) until the other partitions are
          // done, then a bug in the handler: the same permanent failure, parked at the third.
          if (!othersDone) throw new TransientFailure('the database is restarting');
          poisonPermanentFrom = Math.min(poisonPermanentFrom, poisonAttempts);
          throw new TypeError("Cannot read properties of undefined (reading 'securityProfile')");
        }
        handledAt.set(envelope.eventId, Date.now());
        handledOrder.push(envelope.eventId);
      },
    });
    await consumer.subscribe({ topic: Topics.events, groupId: 'e2e.bystander', from: 'now', handle: async (envelope) => void bystander.push(envelope.eventId) });

    const publisher = new EnvelopePublisher(bus);
    await publisher.publish(Topics.events, event('poison', poisonStation));
    await eventually('the poison event failing', async () => (poisonAttempts > 0 ? true : undefined));

    // Published while the poison event is being retried, so they come in later fetches than it.
    const sameStation = ['same-station-1', 'same-station-2'];
    for (const id of sameStation) await publisher.publish(Topics.events, event(id, poisonStation));
    await publisher.publish(Topics.events, event('same-partition', neighbour));
    const others = otherPartitions.flatMap((stations, index) => stations.map((station, n) => ({ id: `other-${index}-${n}`, station })));
    for (const { id, station } of others) await publisher.publish(Topics.events, event(id, station));

    await eventually('every event of the other partitions handled', async () => (others.every(({ id }) => handledAt.has(id)) ? true : undefined), 60_000);
    // The poison event was still being retried (transiently, so it could not have parked yet) and
    // its partition still waited behind it.
    expect(poisonPermanentFrom).toBe(Number.POSITIVE_INFINITY);
    expect([...sameStation, 'same-partition'].filter((id) => handledAt.has(id))).toEqual([]);
    othersDone = true;

    const [parked] = await readUntil(kafka, prefix + Topics.parked, (messages) => messages.length >= 1, 60_000);
    if (!parked) throw new Error('nothing parked');
    const parkedAt = Date.now();
    expect(poisonAttempts - poisonPermanentFrom + 1).toBe(3);
    expect(parked.key?.toString()).toBe(poisonStation);
    const headers = Object.fromEntries(Object.entries(parked.headers ?? {}).map(([name, value]) => [name, String(value)]));
    expect(headers).toMatchObject({
      [Headers.consumerGroup]: GROUP,
      [Headers.originalTopic]: Topics.events,
      [Headers.originalPartition]: String(partitionOf(poisonStation)),
      [Headers.parkedErrorClass]: 'TypeError',
      [Headers.parkedError]: "Cannot read properties of undefined (reading 'securityProfile')",
      [Headers.parkedAttempts]: String(poisonAttempts),
      [Headers.correlationId]: 'corr-poison',
    });

    // Its partition goes on once it is parked, in order, within a bounded delay.
    await eventually('the poison partition going on', async () => ([...sameStation, 'same-partition'].every((id) => handledAt.has(id)) ? true : undefined), 30_000);
    const partitionOrder = handledOrder.filter((id) => [...sameStation, 'same-partition'].includes(id));
    expect(partitionOrder).toEqual([...sameStation, 'same-partition']);
    expect(Math.max(...[...sameStation, 'same-partition'].map((id) => handledAt.get(id) ?? 0)) - parkedAt).toBeLessThan(20_000);
    expect(handledAt.has('poison')).toBe(false);

    // The fix ships; the parked record is replayed to its group only, and handled once.
    faultFixed = true;
    const readBack = readParkedRecord({ topic: Topics.parked, partition: 0, offset: parked.offset, key: poisonStation, value: parked.value ?? Buffer.alloc(0), headers });
    if (!readBack) throw new Error('the parked record does not read back');
    const replay = replayRecord(readBack);
    await bus.publish(replay.topic, [replay.record]);
    await publisher.publish(Topics.events, event('after-replay', poisonStation));
    await eventually('the replayed event handled', async () => (handledAt.has('poison') && handledAt.has('after-replay') ? true : undefined), 30_000);
    await eventually('the bystander group reaching the event after the replay', async () => (bystander.includes('after-replay') ? true : undefined), 30_000);
    expect(handledOrder.filter((id) => id === 'poison')).toEqual(['poison']);
    expect(bystander.filter((id) => id === 'poison')).toEqual(['poison']);
  });
});
