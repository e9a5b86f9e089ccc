import type { OutboundRecord } from '../message-bus';
import type { TopicName } from '../topics';

export interface TopicBatch {
  topic: TopicName;
  records: OutboundRecord[];
}

interface Waiter {
  topic: TopicName;
  records: OutboundRecord[];
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * What to do with a request that failed: give its publishes the error, or send the very same
 * request again (after `reset` when the producer must be replaced first).
 */
export type SendFailureVerdict = 'reject' | 'resend' | 'reset-and-resend';

export interface PublishBatcherOptions {
  /** Most records per request; default 1,000. */
  maxRecordsPerRequest?: number;
  /** Below the broker's default message.max.bytes (1 MiB), which bounds one partition's batch. Default 512 KiB. */
  maxBytesPerRequest?: number;
  /** Records waiting (including a request being resent) beyond which a publish is refused at once; default 200,000. */
  maxQueuedRecords?: number;
  /** Default: reject. */
  onFailure?(error: unknown, attempt: number): SendFailureVerdict;
  /** Replaces the producer before a `reset-and-resend`. */
  reset?(): Promise<void>;
  /** Told when a resent request went through at last. */
  onRecovered?(attempts: number): void;
}

/** The backlog in front of the broker is full: the caller treats the publish as not durable. */
export class PublishBacklogFull extends Error {
  override readonly name = 'PublishBacklogFull';
}

const RESEND_DELAY_MS = { first: 200, max: 5000 } as const;

/**
 * Coalesces concurrent publishes into one produce request: while a request is in flight, new
 * records wait and leave together in the next one. Under load this turns thousands of
 * one-record sends (each a round trip, since the idempotent producer keeps one request in
 * flight) into a few large ones, without adding latency when the bus is idle. Publish order is
 * kept.
 *
 * A request that failed after the client's own retries is, unless `onFailure` says otherwise,
 * sent again unchanged before anything else: the idempotent producer rolled its sequence numbers
 * back, so the same records get the same sequence and the broker writes them once whether or
 * not the first attempt reached it. Sending other records under those numbers instead would
 * either jam the producer (OUT_OF_ORDER_SEQUENCE_NUMBER for ever) or, with as many records,
 * be taken for a duplicate and dropped while acknowledged.
 */
export class PublishBatcher {
  private queue: Waiter[] = [];
  private queuedRecords = 0;
  private sending = false;
  private closed = false;
  private readonly maxRecordsPerRequest: number;
  private readonly maxBytesPerRequest: number;
  private readonly maxQueuedRecords: number;
  private wakeUp: (() => void) | undefined;
  private idleListeners: (() => void)[] = [];

  constructor(
    private readonly send: (batches: TopicBatch[]) => Promise<void>,
    private readonly options: PublishBatcherOptions = {},
  ) {
    this.maxRecordsPerRequest = options.maxRecordsPerRequest ?? 1000;
    this.maxBytesPerRequest = options.maxBytesPerRequest ?? 512 * 1024;
    this.maxQueuedRecords = options.maxQueuedRecords ?? 200_000;
  }

  publish(topic: TopicName, records: OutboundRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the publisher is closed'));
    if (this.queuedRecords + records.length > this.maxQueuedRecords) {
      return Promise.reject(new PublishBacklogFull(`${this.queuedRecords} records are already waiting for the broker`));
    }
    const bytes = records.reduce((sum, record) => sum + record.value.byteLength + record.key.length, 0);
    return new Promise((resolve, reject) => {
      this.queue.push({ topic, records, bytes, resolve, reject });
      this.queuedRecords += records.length;
      if (!this.sending) void this.drain();
    });
  }

  /** Resolves once nothing waits or is being sent, or after `timeoutMs`, whichever comes first. */
  drained(timeoutMs: number): Promise<void> {
    if (!this.sending && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idleListeners = this.idleListeners.filter((listener) => listener !== done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.idleListeners.push(done);
    });
  }

  /** Refuses new publishes and fails the waiting ones, including a request being resent. */
  close(): void {
    this.closed = true;
    this.wakeUp?.();
    const waiting = this.queue.splice(0);
    this.queuedRecords -= waiting.reduce((sum, waiter) => sum + waiter.records.length, 0);
    waiting.forEach((waiter) => waiter.reject(new Error('the publisher closed before the broker took the records')));
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const waiters = this.takeRequest();
        await this.sendUntilSettled(waiters, groupByTopic(waiters));
        this.queuedRecords -= waiters.reduce((sum, waiter) => sum + waiter.records.length, 0);
      }
    } finally {
      this.sending = false;
      if (this.queue.length === 0) [...this.idleListeners].forEach((listener) => listener());
    }
  }

  private async sendUntilSettled(waiters: Waiter[], batches: TopicBatch[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed && attempt > 1) {
        waiters.forEach((waiter) => waiter.reject(new Error('the publisher closed before the broker took the records')));
        return;
      }
      try {
        await this.send(batches);
        if (attempt > 1) this.options.onRecovered?.(attempt);
        waiters.forEach((waiter) => waiter.resolve());
        return;
      } catch (error) {
        const verdict = this.closed ? 'reject' : (this.options.onFailure?.(error, attempt) ?? 'reject');
        if (verdict === 'reject') {
          waiters.forEach((waiter) => waiter.reject(error));
          return;
        }
        if (verdict === 'reset-and-resend') await this.options.reset?.().catch(() => undefined);
        await this.pause(Math.min(RESEND_DELAY_MS.max, RESEND_DELAY_MS.first * 2 ** (attempt - 1)));
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** The waiters whose records fit in one request (by count and size); a publish is never split across requests. */
  private takeRequest(): Waiter[] {
    let count = 0;
    let bytes = 0;
    let taken = 0;
    while (taken < this.queue.length) {
      const next = this.queue[taken];
      if (!next) break;
      if (taken > 0 && (count + next.records.length > this.maxRecordsPerRequest || bytes + next.bytes > this.maxBytesPerRequest)) break;
      count += next.records.length;
      bytes += next.bytes;
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
