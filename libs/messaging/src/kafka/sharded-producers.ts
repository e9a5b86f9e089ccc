import type { OutboundRecord } from '../message-bus';
import type { TopicName } from '../topics';
import { PublishBatcher, type PublishBatcherOptions, type TopicBatch } from './publish-batcher';

export interface ProducerLifecycle<P> {
  create(): P;
  connect(producer: P): Promise<unknown>;
  disconnect(producer: P): Promise<unknown>;
  send(producer: P, batches: TopicBatch[]): Promise<void>;
}

interface Shard<P> {
  producer: P;
  batcher: PublishBatcher;
}

/**
 * Several producers behind one publish, so that several produce requests are in flight at once
 * while each producer keeps the one request that its idempotence needs (ADR 035). A record goes
 * to the producer its partition (when the caller chose one) or its key picks, so records of one
 * key — one station's events — keep their order; each producer coalesces what waits for it
 * into its next request (PublishBatcher), and a producer whose identity the broker no longer
 * accepts is replaced by a new one in place.
 */
export class ShardedProducers<P> {
  private readonly shards: Shard<P>[];

  constructor(
    count: number,
    private readonly lifecycle: ProducerLifecycle<P>,
    batching: Omit<PublishBatcherOptions, 'reset'> = {},
  ) {
    this.shards = Array.from({ length: Math.max(1, count) }, () => {
      const shard = { producer: lifecycle.create() } as Shard<P>;
      shard.batcher = new PublishBatcher((batches) => lifecycle.send(shard.producer, batches), { ...batching, reset: () => this.replace(shard) });
      return shard;
    });
  }

  /** Connects every producer; `warmUp` then runs on each (e.g. loading topic metadata). */
  async start(warmUp: (producer: P) => Promise<unknown>): Promise<void> {
    await Promise.all(this.shards.map(async (shard) => {
      await this.lifecycle.connect(shard.producer);
      await warmUp(shard.producer);
    }));
  }

  /** Gives what is waiting up to `drainMs` to reach the broker, then fails the rest and disconnects. */
  async stop(drainMs = 5000): Promise<void> {
    await Promise.all(this.shards.map((shard) => shard.batcher.drained(drainMs)));
    this.shards.forEach((shard) => shard.batcher.close());
    await Promise.all(this.shards.map((shard) => this.lifecycle.disconnect(shard.producer)));
  }

  /** Resolves once every record is acknowledged by the producer of its shard. */
  publish(topic: TopicName, records: OutboundRecord[]): Promise<void> {
    const byShard = new Map<number, OutboundRecord[]>();
    for (const record of records) {
      const index = shardOf(record, this.shards.length);
      const list = byShard.get(index);
      if (list) list.push(record);
      else byShard.set(index, [record]);
    }
    const sent = [...byShard].map(([index, list]) => (this.shards[index] as Shard<P>).batcher.publish(topic, list));
    return sent.length === 1 ? (sent[0] as Promise<void>) : Promise.all(sent).then(() => undefined);
  }

  private async replace(shard: Shard<P>): Promise<void> {
    const retired = shard.producer;
    shard.producer = this.lifecycle.create();
    await this.lifecycle.disconnect(retired).catch(() => undefined);
    await this.lifecycle.connect(shard.producer);
  }
}

/** The shard of a record: by its partition when the caller chose one, else by its key (FNV-1a). */
export function shardOf(record: Pick<OutboundRecord, 'key' | 'partition'>, shards: number): number {
  if (shards <= 1) return 0;
  if (record.partition !== undefined) return record.partition % shards;
  let hash = 0x811c9dc5;
  for (let index = 0; index < record.key.length; index += 1) {
    hash ^= record.key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}
