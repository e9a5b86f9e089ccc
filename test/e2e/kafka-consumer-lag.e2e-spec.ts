import { createEnvelope } from '@app/contracts';
import { EnvelopeConsumer, EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { samplesOf } from '@test/support/metric-catalogue';
import { eventually } from '@test/support/service-process';
import pino from 'pino';

const logger = pino({ level: 'silent' });
const RECORDS = 12;

/**
 * csms_kafka_consumer_lag against the real broker: a group whose handler is stuck shows the
 * records published behind it (read from the brokers, not from its fetches, which have stopped),
 * and 0 once it has handled them.
 */
describe('Kafka consumer lag on a real broker', () => {
  const metrics = new MetricsRegistry();
  let bus: MessageBus;

  beforeAll(async () => {
    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-lag', topicPrefix: uniqueTopicPrefix('lag'), partitions: 2, commandPartitions: 1, replicationFactor: 1, retentionMs: 3_600_000 },
      logger,
      { metrics, intervalMs: 250 },
    );
    await bus.start();
  });

  afterAll(() => bus.stop());

  const lagOf = async (group: string): Promise<number | undefined> =>
    samplesOf(await metrics.registry.metrics(), 'csms_kafka_consumer_lag').find((sample) => sample.labels.group === group && sample.labels.topic === Topics.events)?.value;

  it('grows while the handler is stuck and falls to 0 once it has caught up', async () => {
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    let handled = 0;
    await new EnvelopeConsumer(bus, logger, metrics).subscribe({
      topic: Topics.events,
      groupId: 'e2e.lag',
      handle: async () => {
        await stuck;
        handled += 1;
      },
    });
    const publisher = new EnvelopePublisher(bus);
    for (let n = 0; n < RECORDS; n++) {
      await publisher.publish(Topics.events, createEnvelope('stationEvent', { eventId: `lag-${n}`, stationId: `CP-${n % 3}`, correlationId: String(n), body: { case: 'disconnected', value: { reason: 'test' } } }));
    }
    // At most one record per partition is in its handler; nothing is committed while they wait.
    await eventually('the lag of every published record', async () => ((await lagOf('e2e.lag')) === RECORDS ? true : undefined), 60_000);

    release();
    await eventually('every record handled', async () => (handled === RECORDS ? true : undefined), 60_000);
    await eventually('the lag back to 0', async () => ((await lagOf('e2e.lag')) === 0 ? true : undefined), 60_000);
  });
});
