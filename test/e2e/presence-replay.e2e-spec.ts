import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { createEnvelope, timestampFromDate } from '@app/contracts';
import {
  EnvelopeConsumer,
  EnvelopePublisher,
  MESSAGE_BUS,
  type MessageBus,
  type PartitionEnd,
  type Subscription,
  type TopicName,
  Topics,
  createMessageBus,
} from '@app/messaging';
import { HealthRegistry, ObservabilityModule } from '@app/observability';
import { PresenceDirectory, StationCommandsModule } from '@app/station-commands';
import { eventually } from '@test/support/service-process';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import pino from 'pino';

const logger = pino({ level: 'silent' });
const STATION = 'RPL-1';
const FILLER = 2000;

/** The real Kafka bus, except that presence records wait at a gate the test opens: replay as slow as the test wants. */
class GatedBus implements MessageBus {
  readonly kind = 'kafka' as const;
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  constructor(private readonly inner: MessageBus) {}

  release(): void {
    this.open();
  }

  start = () => this.inner.start();
  publish: MessageBus['publish'] = (topic, records) => this.inner.publish(topic, records);
  checkHealth = () => this.inner.checkHealth();
  endOffsets = (topic: TopicName): Promise<PartitionEnd[]> => this.inner.endOffsets(topic);
  stop = () => this.inner.stop();
  unsubscribe: MessageBus['unsubscribe'] = (topic, groupId) => this.inner.unsubscribe(topic, groupId);

  subscribe(subscription: Subscription): Promise<void> {
    if (subscription.topic !== Topics.presence) return this.inner.subscribe(subscription);
    return this.inner.subscribe({
      ...subscription,
      handler: async (record, delivery) => {
        await this.gate;
        return subscription.handler(record, delivery);
      },
    });
  }
}

/**
 * Issue 14 (ADR 042): a service that uses the station command client is not ready before it has
 * read ocpp.presence as far as it reached at start, on real Kafka, and a record it can only
 * dead-letter does not hold it back; once ready it knows where the station is.
 */
describe('readiness waits for the presence replay', () => {
  const prefix = uniqueTopicPrefix('replay');
  const config = { messaging: { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-replay', topicPrefix: prefix, partitions: 6, commandPartitions: 2, replicationFactor: 1, retentionMs: 3_600_000 } };
  let seeder: MessageBus;
  let gated: GatedBus;
  let app: TestingModule | undefined;

  beforeAll(async () => {
    seeder = createMessageBus(config.messaging as RuntimeConfig['messaging'], logger);
    await seeder.start();
    const publisher = new EnvelopePublisher(seeder);
    const now = new Date();
    await publisher.publish(
      Topics.presence,
      createEnvelope('stationPresence', {
        eventId: 'hb',
        stationId: 'replica/1',
        body: { case: 'heartbeat', value: { replicaId: 'gw-1', commandPartition: 1, incarnation: 'i1', sentAt: timestampFromDate(now), validForMs: 600_000 } },
      }),
    );
    await publisher.publish(
      Topics.presence,
      createEnvelope('stationPresence', {
        eventId: 'at-1',
        stationId: STATION,
        body: { case: 'state', value: { epoch: 1n, connected: true, commandPartition: 1, replicaId: 'gw-1', incarnation: 'i1' } },
      }),
    );
    await Promise.all(
      Array.from({ length: FILLER }, (_, n) =>
        publisher.publish(
          Topics.presence,
          createEnvelope('stationPresence', { eventId: `f-${n}`, stationId: `GONE-${n}`, body: { case: 'state', value: { epoch: 1n, connected: false, replicaId: 'gone' } } }),
        ),
      ),
    );
    // Last of all, a record no consumer can decode: it is dead-lettered, never handled, and must still count as read.
    await seeder.publish(Topics.presence, [{ key: 'GARBAGE', value: new Uint8Array([0xff, 0xff, 0xff]), headers: {} }]);
  }, 120_000);

  afterAll(async () => {
    gated?.release();
    await app?.close();
    // The test provides the bus, so the test stops it (MessagingModule would in a service).
    await gated?.stop();
    await seeder?.stop();
  });

  it('stays unready while presence is replayed, and knows every station once ready', async () => {
    gated = new GatedBus(createMessageBus(config.messaging as RuntimeConfig['messaging'], logger));
    await gated.start();

    @Global()
    @Module({
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }, { provide: MESSAGE_BUS, useValue: gated }, EnvelopePublisher, EnvelopeConsumer],
      exports: [RUNTIME_CONFIG, MESSAGE_BUS, EnvelopePublisher, EnvelopeConsumer],
    })
    class TestInfrastructure {}

    app = await Test.createTestingModule({ imports: [ObservabilityModule.forRoot(logger), TestInfrastructure, StationCommandsModule.forService('e2e-replay')] }).compile();
    await app.init();
    const health = app.get(HealthRegistry);
    const directory = app.get(PresenceDirectory);

    const before = await health.evaluate();
    expect(before.ok).toBe(false);
    expect(before.checks['presence:e2e-replay']).toEqual({ ok: false, detail: expect.stringContaining('replaying') });
    expect(directory.locate(STATION)).toBeUndefined();

    gated.release();
    const ready = await eventually('the presence replay to complete', async () => ((await health.evaluate()).ok ? true : undefined), 60_000);
    expect(ready).toBe(true);
    expect((await health.evaluate()).checks['presence:e2e-replay']).toEqual({ ok: true, detail: 'replayed' });
    expect(directory.locate(STATION)).toMatchObject({ connected: true, commandPartition: 1 });
  }, 120_000);
});
