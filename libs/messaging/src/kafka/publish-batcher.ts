import type { OutboundRecord } from '../message-bus';
import type { TopicName } from '../topics';

export interface TopicBatch {
  topic: TopicName;
  records: OutboundRecord[];
}

interface Waiter {
  topic: TopicName;
  records: OutboundRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent publishes into one produce request: while a request is
 * in flight, new records wait and leave together in the next one. Under load
 * this turns thousands of one-record sends (each a round trip, since the
 * idempotent producer keeps one request in flight) into a few large ones,
 * without adding latency when the bus is idle. Publish order is kept.
 */
export class PublishBatcher {
  private queue: Waiter[] = [];
  private sending = false;

  constructor(
    private readonly send: (batches: TopicBatch[]) => Promise<void>,
    private readonly maxRecordsPerRequest = 1000,
    // Below the broker's default message.max.bytes (1 MiB), which bounds one partition's batch.
    private readonly maxBytesPerRequest = 512 * 1024,
  ) {}

  publish(topic: TopicName, records: OutboundRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ topic, records, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const waiters = this.takeRequest();
        try {
          await this.send(groupByTopic(waiters));
          waiters.forEach((waiter) => waiter.resolve());
        } catch (error) {
          waiters.forEach((waiter) => waiter.reject(error));
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** The waiters whose records fit in one request (by count and size); a publish is never split across requests. */
  private takeRequest(): Waiter[] {
    let count = 0;
    let bytes = 0;
    let taken = 0;
    while (taken < this.queue.length) {
      const next = this.queue[taken];
      if (!next) break;
      const size = next.records.reduce((sum, record) => sum + record.value.byteLength + record.key.length, 0);
      if (taken > 0 && (count + next.records.length > this.maxRecordsPerRequest || bytes + size > this.maxBytesPerRequest)) break;
      count += next.records.length;
      bytes += size;
      taken += 1;
    }
    return this.queue.splice(0, taken);
  }
}

function groupByTopic(waiters: Waiter[]): TopicBatch[] {
  const byTopic = new Map<TopicName, OutboundRecord[]>();
  for (const waiter of waiters) {
    const records = byTopic.get(waiter.topic) ?? [];
    records.push(...waiter.records);
    byTopic.set(waiter.topic, records);
  }
  return [...byTopic].map(([topic, records]) => ({ topic, records }));
}
