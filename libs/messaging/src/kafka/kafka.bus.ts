import type { ComponentHealth, MetricsRegistry } from '@app/observability';
import { type Admin, type Consumer, type IHeaders, Kafka, Partitioners, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { InboundRecord, MessageBus, OutboundRecord, PartitionEnd, Subscription } from '../message-bus';
import { type TopicName, type TopicSpec, Topics } from '../topics';
import { ConsumerLagMonitor } from './consumer-lag.monitor';
import { retryWhileSettling } from './retry-while-settling';
import { kafkajsLogCreator, kafkajsLogLevel } from './kafkajs-logger';
import { fixedPartitionAssigner } from './fixed-partition.assigner';
import type { TopicBatch } from './publish-batcher';
import { sendFailureVerdict } from './send-failure';
import { ShardedProducers } from './sharded-producers';
import type { KafkaClientSecurity } from './security/kafka-client-security';
import { provisionTopics, verifyTopics } from './topic-provisioner';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  topics: TopicSpec[];
  /** Partitions of one subscription handled at once (kafkajs partitionsConsumedConcurrently); order holds within each. */
  partitionsConsumedConcurrently?: number;
  /** Serve csms_kafka_consumer_lag on this registry, read every intervalMs (ADR 048); unset or 0 ms: not measured. */
  lag?: { metrics: MetricsRegistry; intervalMs: number };
  /** false: never create or grow topics, only check at start that the catalogue exists (ADR 043); unset: create. */
  createTopics?: boolean;
  /** TLS and SASL options of the client, files already read (ADR 043); unset: plaintext. */
  security?: KafkaClientSecurity;
}

const HEALTH_TIMEOUT_MS = 2500;

/**
 * Idempotent producers, each with one produce request in flight (kafkajs serialises an
 * idempotent producer's requests per broker), so this many requests can be in flight at once
 * (ADR 035). Records with the same key always use the same producer, which keeps their order.
 */
const PRODUCERS = 3;

/** MessageBus over Apache Kafka with kafkajs: idempotent producers (acks=all), one consumer per subscription. */
export class KafkaBus implements MessageBus {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly producers: ShardedProducers<Producer>;
  private readonly admin: Admin;
  private readonly consumers: { groupId: string; topic: TopicName; consumer: Consumer }[] = [];
  private readonly stopping = new AbortController();
  /** Paused partitions waiting to retry a record. */
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly topicByPrefixedName: Map<string, TopicName>;
  private readonly lagMonitor: ConsumerLagMonitor | undefined;

  constructor(
    private readonly options: KafkaBusOptions,
    private readonly logger: Logger,
  ) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ...options.security,
      logCreator: kafkajsLogCreator(logger),
      logLevel: kafkajsLogLevel(logger),
      retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    });
    this.producers = new ShardedProducers<Producer>(
      PRODUCERS,
      {
        create: () =>
          this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner }),
        connect: (producer) => producer.connect(),
        disconnect: (producer) => producer.disconnect(),
        send: (producer, batches) => this.sendBatches(producer, batches),
      },
      {
        onFailure: (error, attempt) => {
          const verdict = sendFailureVerdict(error);
          logger.warn({ err: error, attempt, verdict }, 'a produce request failed after the client retried it');
          return verdict;
        },
        onRecovered: (attempts) => logger.info({ attempts }, 'a produce request went through after failing'),
      },
    );
    this.admin = this.kafka.admin();
    this.topicByPrefixedName = new Map(Object.values(Topics).map((topic) => [this.prefixed(topic), topic]));
    const { lag } = options;
    this.lagMonitor = lag && lag.intervalMs > 0 ? new ConsumerLagMonitor(this.admin, lag.metrics, lag.intervalMs, logger) : undefined;
  }

  async start(): Promise<void> {
    await this.admin.connect();
    const provision = this.options.createTopics === false ? verifyTopics : provisionTopics;
    await retryWhileSettling('provision topics', () => provision(this.admin, this.options.topics, (name) => this.prefixed(name), this.logger), this.logger);
    // Ready means the first publish goes straight out: producer ids and topic metadata are
    // fetched now (a batch without messages loads the metadata and sends nothing).
    await this.producers.start((producer) => producer.sendBatch({ acks: -1, topicMessages: this.warmUpTopics() }));
  }

  publish(topic: TopicName, records: OutboundRecord[]): Promise<void> {
    return this.producers.publish(topic, records);
  }

  private warmUpTopics(): { topic: string; messages: [] }[] {
    return this.options.topics.map((spec) => ({ topic: this.prefixed(spec.name), messages: [] }));
  }

  private async sendBatches(producer: Producer, batches: TopicBatch[]): Promise<void> {
    await producer.sendBatch({
      acks: -1,
      topicMessages: batches.map(({ topic, records }) => ({
        topic: this.prefixed(topic),
        messages: records.map((record) => ({
          key: record.key,
          value: Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength),
          headers: record.headers,
          partition: record.partition,
        })),
      })),
    });
  }

  async subscribe(subscription: Subscription): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.prefixed(subscription.groupId),
      allowAutoTopicCreation: false,
      // An idle fetch blocks disconnect() for up to this long; 1 s keeps shutdown prompt at little cost.
      maxWaitTimeInMs: 1000,
      ...(subscription.partition === undefined ? {} : { partitionAssigners: [fixedPartitionAssigner(subscription.partition)] }),
    });
    const entry = { groupId: subscription.groupId, topic: subscription.topic, consumer };
    this.consumers.push(entry);
    try {
      await this.run(consumer, subscription);
    } catch (error) {
      // A half-started consumer would stay in the group (or leak a connection) behind the caller's retry.
      this.consumers.splice(this.consumers.indexOf(entry), 1);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.lagMonitor?.watch({
      groupId: this.prefixed(subscription.groupId),
      topic: this.prefixed(subscription.topic),
      labels: { group: subscription.groupLabel ?? subscription.groupId, topic: subscription.topic },
      from: subscription.from ?? 'beginning',
      partition: subscription.partition,
    });
  }

  async unsubscribe(topic: TopicName, groupId: string): Promise<void> {
    const leaving = this.consumers.filter((entry) => entry.topic === topic && entry.groupId === groupId);
    for (const entry of leaving) this.consumers.splice(this.consumers.indexOf(entry), 1);
    this.lagMonitor?.unwatch(this.prefixed(groupId), this.prefixed(topic));
    await Promise.allSettled(leaving.map(({ consumer }) => consumer.disconnect()));
  }

  private async run(consumer: Consumer, subscription: Subscription): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topic: this.prefixed(subscription.topic), fromBeginning: subscription.from !== 'now' });
    // A group that starts "now" sees only what is published after it joined: wait for the join,
    // so that a caller publishing right after subscribe() (a command, then its result) misses nothing.
    const joined = subscription.from === 'now' ? groupJoined(consumer) : undefined;
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      // Offsets are resolved one record at a time, so that a record its handler wants again stays
      // the partition's next fetch offset.
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, pause, isRunning, isStale }) => {
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) return;
          const record: InboundRecord = {
            topic: this.topicByPrefixedName.get(batch.topic) ?? subscription.topic,
            partition: batch.partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? '',
            value: message.value ?? Buffer.alloc(0),
            headers: stringHeaders(message.headers),
          };
          const outcome = await subscription.handler(record, { signal: this.stopping.signal, heartbeat });
          if (outcome) {
            // Only this partition waits: kafkajs fetches the others on, and this one again from
            // the unresolved record once resumed.
            this.resumeLater(pause(), outcome.retryAfterMs);
            return;
          }
          resolveOffset(message.offset);
          await heartbeat();
        }
      },
    });
    await joined;
  }

  private resumeLater(resume: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      resume();
    }, delayMs);
    this.retryTimers.add(timer);
  }

  async checkHealth(): Promise<ComponentHealth> {
    const cluster = await Promise.race([
      this.admin.describeCluster(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Kafka did not answer')), HEALTH_TIMEOUT_MS).unref()),
    ]);
    return { ok: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s), controller ${cluster.controller}` };
  }

  async endOffsets(topic: TopicName): Promise<PartitionEnd[]> {
    const offsets = await retryWhileSettling(`read the end offsets of ${topic}`, () => this.admin.fetchTopicOffsets(this.prefixed(topic)), this.logger);
    return offsets.map(({ partition, low, high }) => ({ partition, low, high }));
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    for (const timer of this.retryTimers) clearTimeout(timer);
    await Promise.allSettled(this.consumers.map(({ consumer }) => consumer.disconnect()));
    await this.lagMonitor?.stop();
    await this.producers.stop();
    await this.admin.disconnect();
  }

  private prefixed(name: string): string {
    return `${this.options.topicPrefix}${name}`;
  }
}

const GROUP_JOIN_TIMEOUT_MS = 60_000;

function groupJoined(consumer: Consumer): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`consumer group not joined within ${GROUP_JOIN_TIMEOUT_MS} ms`)), GROUP_JOIN_TIMEOUT_MS);
    const stop = consumer.on(consumer.events.GROUP_JOIN, () => {
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
