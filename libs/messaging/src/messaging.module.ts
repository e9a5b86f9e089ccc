import { type MessagingConfig, RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { HealthRegistry, MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { type BeforeApplicationShutdown, Global, Inject, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { EnvelopeConsumer, POISON_POLICY } from './envelopes/envelope.consumer';
import { EnvelopePublisher } from './envelopes/envelope.publisher';
import { InProcessBus } from './in-process/in-process.bus';
import { KafkaBus, type KafkaBusOptions } from './kafka/kafka.bus';
import { kafkaClientSecurity } from './kafka/security/kafka-client-security';
import { MESSAGE_BUS, type MessageBus } from './message-bus';
import { DEFAULT_POISON_POLICY, type PoisonPolicy } from './poison/poison-policy';
import { topicCatalog } from './topics';

/** `lag`: where and how often the Kafka bus measures its consumer groups' lag (csms_kafka_consumer_lag). */
export function createMessageBus(config: MessagingConfig, logger: Logger, lag?: KafkaBusOptions['lag']): MessageBus {
  if (config.kind === 'in-process') return new InProcessBus(logger);
  return new KafkaBus(
    {
      brokers: config.brokers,
      clientId: config.clientId,
      topicPrefix: config.topicPrefix,
      topics: topicCatalog(config),
      partitionsConsumedConcurrently: config.partitionsConsumedConcurrently,
      lag,
      createTopics: config.createTopics,
      security: kafkaClientSecurity(config.security),
    },
    logger,
  );
}

@Global()
@Module({
  providers: [
    {
      provide: MESSAGE_BUS,
      inject: [RUNTIME_CONFIG, ROOT_LOGGER, HealthRegistry, MetricsRegistry],
      useFactory: async (config: RuntimeConfig, rootLogger: Logger, health: HealthRegistry, metrics: MetricsRegistry) => {
        const logger = rootLogger.child({ component: 'messaging' });
        const bus = createMessageBus(config.messaging, logger, { metrics, intervalMs: config.observability.kafkaLagPollMs });
        await bus.start();
        health.register('messaging', () => bus.checkHealth());
        logger.info({ kind: bus.kind }, 'message bus started');
        return bus;
      },
    },
    {
      provide: POISON_POLICY,
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig): PoisonPolicy => ({ parkAfterFailures: config.messaging.parkAfterFailures ?? DEFAULT_POISON_POLICY.parkAfterFailures }),
    },
    EnvelopePublisher,
    EnvelopeConsumer,
  ],
  exports: [MESSAGE_BUS, EnvelopePublisher, EnvelopeConsumer],
})
export class MessagingModule implements BeforeApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  // Before the databases close, so that no handler runs against a closed pool.
  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}
