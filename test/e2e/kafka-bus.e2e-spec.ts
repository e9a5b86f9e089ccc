import { createEnvelope } from '@app/contracts';
import { EnvelopeConsumer, EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { eventually } from '@test/support/service-process';
import pino from 'pino';

const logger = pino({ level: 'silent' });

/** The Kafka bus against the real broker: batching under concurrency keeps every record and per-station order. */
describe('KafkaBus on a real broker', () => {
  let bus: MessageBus;

  beforeAll(async () => {
    bus = createMessageBus(
      {
        kind: 'kafka',
        brokers: testBrokers().split(','),
        clientId: 'e2e-kafka-bus',
        topicPrefix: uniqueTopicPrefix('bus'),
        partitions: 4,
        commandPartitions: 2,
        replicationFactor: 1,
        retentionMs: 3_600_000,
      },
      logger,
    );
    await bus.start();
  });

  afterAll(() => bus.stop());

  it('delivers 3000 concurrently published events once each, in publish order per station', async () => {
    const received = new Map<string, number[]>();
    const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    await consumer.subscribe({
      topic: Topics.events,
      groupId: 'e2e.order',
      handle: async (event) => {
        const sequence = received.get(event.stationId) ?? [];
        sequence.push(Number(event.correlationId));
        received.set(event.stationId, sequence);
      },
    });
    const publisher = new EnvelopePublisher(bus);
    const stations = 30;
    const perStation = 100;
    const publishes: Promise<void>[] = [];
    for (let n = 0; n < perStation; n++) {
      for (let s = 0; s < stations; s++) {
        publishes.push(
          publisher.publish(
            Topics.events,
            createEnvelope('stationEvent', {
              eventId: `${s}-${n}`,
              stationId: `CP-${s}`,
              correlationId: String(n),
              body: { case: 'disconnected', value: { reason: 'test' } },
            }),
          ),
        );
      }
    }
    await Promise.all(publishes);
    await eventually('all events consumed', async () => ([...received.values()].reduce((sum, list) => sum + list.length, 0) >= stations * perStation ? true : undefined), 60_000);
    for (const sequence of received.values()) expect(sequence).toEqual([...Array(perStation).keys()]);
  });
});
