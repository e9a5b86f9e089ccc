import type { ComponentHealth } from '@app/observability';
import type { Logger } from 'pino';
import { sleep } from '../envelopes/retry-backoff';
import type { InboundRecord, MessageBus, OutboundRecord, PartitionEnd, RetryLater, Subscription } from '../message-bus';
import type { TopicName } from '../topics';

/**
 * MessageBus for the embedded mode: every consumer group of a topic receives
 * each record once, in publish order, one record at a time per group. Records
 * live in memory only: the embedded mode trades durability for needing nothing
 * installed (see docs/adr/004-embedded-mode.md).
 */
export class InProcessBus implements MessageBus {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<TopicName, GroupQueue[]>();
  private readonly offsets = new Map<TopicName, number>();
  private readonly stopping = new AbortController();

  constructor(private readonly logger: Logger) {}

  async start(): Promise<void> {}

  async publish(topic: TopicName, records: OutboundRecord[]): Promise<void> {
    if (this.stopping.signal.aborted) throw new Error('the in-process bus is stopped');
    for (const record of records) {
      const offset = this.offsets.get(topic) ?? 0;
      this.offsets.set(topic, offset + 1);
      const inbound: InboundRecord = {
        topic,
        partition: record.partition ?? 0,
        offset: String(offset),
        key: record.key,
        value: record.value,
        headers: { ...record.headers },
      };
      for (const group of this.groups.get(topic) ?? []) {
        if (group.consumes(inbound.partition)) group.enqueue(inbound);
      }
    }
  }

  async subscribe(subscription: Subscription): Promise<void> {
    const queues = this.groups.get(subscription.topic) ?? [];
    if (queues.some((queue) => queue.groupId === subscription.groupId)) {
      throw new Error(`consumer group ${subscription.groupId} already subscribes to ${subscription.topic}`);
    }
    queues.push(new GroupQueue(subscription, this.stopping.signal, this.logger));
    this.groups.set(subscription.topic, queues);
  }

  async unsubscribe(topic: TopicName, groupId: string): Promise<void> {
    const queues = this.groups.get(topic) ?? [];
    const leaving = queues.filter((queue) => queue.groupId === groupId);
    this.groups.set(topic, queues.filter((queue) => queue.groupId !== groupId));
    await Promise.all(leaving.map((queue) => queue.drained()));
  }

  async checkHealth(): Promise<ComponentHealth> {
    const backlog = [...this.groups.values()].flat().reduce((sum, queue) => sum + queue.backlog, 0);
    return { ok: !this.stopping.signal.aborted, detail: `in-process, ${backlog} record(s) queued` };
  }

  /** A group sees only what is published after it subscribed: there is never anything to catch up with. */
  async endOffsets(): Promise<PartitionEnd[]> {
    return [];
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all([...this.groups.values()].flat().map((queue) => queue.drained()));
  }
}

class GroupQueue {
  private readonly pending: InboundRecord[] = [];
  private draining: Promise<void> = Promise.resolve();
  private active = false;

  constructor(
    private readonly subscription: Subscription,
    private readonly signal: AbortSignal,
    private readonly logger: Logger,
  ) {}

  get groupId(): string {
    return this.subscription.groupId;
  }

  /** A subscription to one partition sees only records published to it. */
  consumes(partition: number): boolean {
    return this.subscription.partition === undefined || this.subscription.partition === partition;
  }

  get backlog(): number {
    return this.pending.length;
  }

  enqueue(record: InboundRecord): void {
    this.pending.push(record);
    if (!this.active) this.draining = this.drain();
  }

  drained(): Promise<void> {
    return this.draining;
  }

  private deliver(record: InboundRecord): Promise<void | RetryLater> {
    return this.subscription.handler(record, { signal: this.signal, heartbeat: async () => {} });
  }

  private async drain(): Promise<void> {
    this.active = true;
    try {
      for (let record = this.pending.shift(); record && !this.signal.aborted; record = this.pending.shift()) {
        try {
          // One queue per group: a record to be retried holds the group's later records, as one Kafka partition would.
          for (let outcome = await this.deliver(record); outcome; outcome = await this.deliver(record)) {
            await sleep(outcome.retryAfterMs, this.signal);
          }
        } catch (error) {
          // Handlers dead-letter, park or ask for a retry; reaching here means the process is stopping.
          this.logger.warn({ err: error, topic: record.topic, groupId: this.groupId }, 'in-process delivery abandoned');
        }
      }
    } finally {
      this.active = false;
    }
  }
}
