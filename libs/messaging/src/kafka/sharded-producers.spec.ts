import type { OutboundRecord } from '../message-bus';
import { Topics } from '../topics';
import { ShardedProducers, shardOf } from './sharded-producers';
import type { TopicBatch } from './publish-batcher';

const record = (key: string, partition?: number): OutboundRecord => ({ key, value: new Uint8Array([1]), headers: {}, ...(partition === undefined ? {} : { partition }) });

describe('shardOf', () => {
  it('sends one key always to the same shard, and spreads keys over all shards', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, index) => shardOf(record(`station-${index}`), 3)));
    expect(shards).toEqual(new Set([0, 1, 2]));
    expect(shardOf(record('station-7'), 3)).toBe(shardOf(record('station-7'), 3));
  });

  it('follows the partition when the caller chose one', () => {
    expect(shardOf(record('a', 4), 3)).toBe(1);
    expect(shardOf(record('b', 4), 3)).toBe(1);
  });
});

const lifecycle = { connect: async () => undefined, disconnect: async () => undefined };

describe('ShardedProducers', () => {
  it("splits a publish over its records' producers and resolves once every part is acknowledged", async () => {
    const sent: { producer: number; keys: string[] }[] = [];
    let next = 0;
    const producers = new ShardedProducers<number>(3, {
      ...lifecycle,
      create: () => next++,
      send: async (producer, batches: TopicBatch[]) => {
        sent.push({ producer, keys: batches.flatMap((batch) => batch.records.map((r) => r.key)) });
      },
    });
    const keys = Array.from({ length: 30 }, (_, index) => `station-${index}`);
    await producers.publish(Topics.events, keys.map((key) => record(key)));
    expect(sent.flatMap((send) => send.keys).sort()).toEqual([...keys].sort());
    for (const send of sent) for (const key of send.keys) expect(shardOf(record(key), 3)).toBe(send.producer);
  });

  it('rejects the publish when one of its producers fails', async () => {
    let next = 0;
    const producers = new ShardedProducers<number>(2, {
      ...lifecycle,
      create: () => next++,
      send: async (producer) => {
        if (producer === 1) throw new Error('broker gone');
      },
    });
    const keys = Array.from({ length: 20 }, (_, index) => `k${index}`);
    await expect(producers.publish(Topics.events, keys.map((key) => record(key)))).rejects.toThrow('broker gone');
  });

  it('replaces a producer in place when its batcher asks for a reset, and resends with the new one', async () => {
    jest.useFakeTimers();
    try {
      let next = 0;
      const used: number[] = [];
      const producers = new ShardedProducers<number>(
        1,
        {
          ...lifecycle,
          create: () => next++,
          send: async (producer) => {
            used.push(producer);
            if (producer === 0) throw new Error('UNKNOWN_PRODUCER_ID');
          },
        },
        { onFailure: () => 'reset-and-resend' },
      );
      const published = producers.publish(Topics.events, [record('a')]);
      await jest.advanceTimersByTimeAsync(200);
      await published;
      expect(used).toEqual([0, 1]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('lets what is being sent reach the broker before it stops', async () => {
    let finish: () => void = () => undefined;
    const producers = new ShardedProducers<number>(1, {
      ...lifecycle,
      create: () => 0,
      send: () => new Promise<void>((resolve) => (finish = resolve)),
    });
    const published = producers.publish(Topics.events, [record('a')]);
    const stopped = producers.stop(60_000);
    setTimeout(() => finish(), 50);
    await expect(published).resolves.toBeUndefined();
    await stopped;
  });
});
