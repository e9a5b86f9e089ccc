import { IntervalLog, type MetricsRegistry } from '@app/observability';
import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import { type LagScope, type PartitionOffsets, consumerLag } from './consumer-lag';

export interface WatchedGroup extends LagScope {
  /** The group and topic as Kafka names them (with the deployment's prefix). */
  groupId: string;
  topic: string;
  /** The logical names the metric is labelled with, as on csms_messages_consumed_total. */
  labels: { group: string; topic: string };
}

const FAILURE_LOG_INTERVAL_MS = 60_000;

/**
 * Reads each consumer group's committed offsets and its topic's high watermarks from the brokers
 * every interval (two small admin requests per group and topic), and serves the lag as the gauge
 * csms_kafka_consumer_lag. Read from the brokers rather than from the consumer's fetches, so that
 * a group whose handler is stuck shows its lag growing instead of its last value.
 */
export class ConsumerLagMonitor {
  private readonly watched: WatchedGroup[] = [];
  private readonly lag = new Map<string, { labels: WatchedGroup['labels']; lag: number }>();
  private readonly failures: IntervalLog;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly admin: Admin,
    metrics: MetricsRegistry,
    private readonly intervalMs: number,
    logger: Logger,
  ) {
    this.failures = new IntervalLog(logger, { message: 'could not read consumer lag from Kafka', intervalMs: FAILURE_LOG_INTERVAL_MS, level: 'warn' });
    metrics.observedGauge('csms_kafka_consumer_lag', 'Records a consumer group has still to handle on a topic (high watermarks less committed offsets), as of the last poll', ['group', 'topic'], (gauge) => {
      for (const { labels, lag } of this.lag.values()) gauge.set(labels, lag);
    });
  }

  /** Starts measuring a group; the first reading is taken at once. */
  watch(group: WatchedGroup): void {
    this.watched.push(group);
    if (this.timer === undefined) this.timer = setInterval(() => void this.poll(), this.intervalMs).unref();
    void this.poll();
  }

  /** Stops measuring a group that left its topic. */
  unwatch(groupId: string, topic: string): void {
    const index = this.watched.findIndex((group) => group.groupId === groupId && group.topic === topic);
    if (index >= 0) this.watched.splice(index, 1);
    this.lag.delete(`${groupId}\u0000${topic}`);
  }

  /** One reading of every watched group; a reading still running is joined, not doubled. */
  poll(): Promise<void> {
    this.polling ??= this.readAll().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  private async readAll(): Promise<void> {
    const topicOffsets = new Map<string, Promise<PartitionOffsets[]>>();
    for (const group of [...this.watched]) {
      try {
        // Watermarks once per topic and reading; a commit newer than them reads as less lag, never below 0.
        const pending = topicOffsets.get(group.topic) ?? this.admin.fetchTopicOffsets(group.topic);
        topicOffsets.set(group.topic, pending);
        const offsets = await pending;
        const [committed] = await this.admin.fetchOffsets({ groupId: group.groupId, topics: [group.topic] });
        this.lag.set(`${group.groupId}\u0000${group.topic}`, { labels: group.labels, lag: consumerLag(committed?.partitions ?? [], offsets, group) });
      } catch (error) {
        // The last reading stays: an alert on lag should not clear because the brokers are unreachable.
        this.failures.record(group.labels.group, { err: error, topic: group.labels.topic });
      }
    }
  }
}
