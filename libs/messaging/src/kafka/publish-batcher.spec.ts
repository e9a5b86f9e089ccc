import type { OutboundRecord } from '../message-bus';
import { Topics } from '../topics';
import { PublishBacklogFull, PublishBatcher, type TopicBatch } from './publish-batcher';

const record = (key: string): OutboundRecord => ({ key, value: new Uint8Array(), headers: {} });

function controlledSend() {
  const requests: TopicBatch[][] = [];
  const completions: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const send = (batches: TopicBatch[]) =>
    new Promise<void>((resolve, reject) => {
      requests.push(batches);
      completions.push({ resolve, reject });
    });
  return { send, requests, completions };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('PublishBatcher', () => {
  it('sends an idle publish at once, and everything published meanwhile in one next request, in order', async () => {
    const { send, requests, completions } = controlledSend();
    const batcher = new PublishBatcher(send);
    const first = batcher.publish(Topics.events, [record('a')]);
    const later = [batcher.publish(Topics.events, [record('b')]), batcher.publish(Topics.results, [record('c')]), batcher.publish(Topics.events, [record('d')])];
    expect(requests).toHaveLength(1);
    completions[0]?.resolve();
    await first;
    await flush();
    expect(requests[1]).toEqual([
      { topic: Topics.events, records: [record('b'), record('d')] },
      { topic: Topics.results, records: [record('c')] },
    ]);
    completions[1]?.resolve();
    await Promise.all(later);
  });

  it('says drained as soon as the last request is through, and gives up waiting after the timeout', async () => {
    const { send, completions } = controlledSend();
    const batcher = new PublishBatcher(send);
    await batcher.drained(0);
    void batcher.publish(Topics.events, [record('a')]);
    let drained = false;
    const draining = batcher.drained(60_000).then(() => (drained = true));
    await flush();
    expect(drained).toBe(false);
    completions[0]?.resolve();
    await draining;
    expect(drained).toBe(true);

    void batcher.publish(Topics.events, [record('b')]);
    await batcher.drained(1);
    expect(completions).toHaveLength(2);
    completions[1]?.resolve();
  });

  it('rejects exactly the publishes of a failed request and goes on', async () => {
    const { send, completions } = controlledSend();
    const batcher = new PublishBatcher(send);
    const failed = batcher.publish(Topics.events, [record('a')]);
    const next = batcher.publish(Topics.events, [record('b')]);
    completions[0]?.reject(new Error('broker down'));
    await expect(failed).rejects.toThrow('broker down');
    await flush();
    completions[1]?.resolve();
    await expect(next).resolves.toBeUndefined();
  });

  it('caps the records of one request without splitting a publish', async () => {
    const { send, requests, completions } = controlledSend();
    const batcher = new PublishBatcher(send, { maxRecordsPerRequest: 3 });
    void batcher.publish(Topics.events, [record('0')]);
    const rest = [batcher.publish(Topics.events, [record('1'), record('2')]), batcher.publish(Topics.events, [record('3'), record('4')])];
    completions[0]?.resolve();
    await flush();
    expect(requests[1]?.[0]?.records).toHaveLength(2);
    completions[1]?.resolve();
    await flush();
    await flush();
    expect(requests[2]?.[0]?.records).toHaveLength(2);
    completions[2]?.resolve();
    await Promise.all(rest);
  });

  it('caps the bytes of one request, so one request never outgrows the broker limit (regression)', async () => {
    const { send, requests, completions } = controlledSend();
    const batcher = new PublishBatcher(send, { maxRecordsPerRequest: 1000, maxBytesPerRequest: 1000 });
    const big = (key: string): OutboundRecord => ({ key, value: new Uint8Array(600), headers: {} });
    void batcher.publish(Topics.events, [record('0')]);
    const rest = [batcher.publish(Topics.events, [big('a')]), batcher.publish(Topics.events, [big('b')])];
    completions[0]?.resolve();
    await flush();
    expect(requests[1]?.[0]?.records.map((r) => r.key)).toEqual(['a']);
    completions[1]?.resolve();
    await flush();
    await flush();
    expect(requests[2]?.[0]?.records.map((r) => r.key)).toEqual(['b']);
    completions[2]?.resolve();
    await Promise.all(rest);
  });

  it('sends a failed request again unchanged, before anything published meanwhile, until it goes through (regression: a sequence jam)', async () => {
    jest.useFakeTimers();
    try {
      const { send, requests, completions } = controlledSend();
      const recovered: number[] = [];
      const batcher = new PublishBatcher(send, { onFailure: () => 'resend', onRecovered: (attempts) => recovered.push(attempts) });
      const first = batcher.publish(Topics.events, [record('a'), record('b')]);
      const later = batcher.publish(Topics.events, [record('c')]);
      completions[0]?.reject(new Error('broker down'));
      await jest.advanceTimersByTimeAsync(200);
      expect(requests[1]).toEqual(requests[0]);
      completions[1]?.reject(new Error('still down'));
      await jest.advanceTimersByTimeAsync(400);
      expect(requests[2]).toEqual(requests[0]);
      completions[2]?.resolve();
      await first;
      expect(recovered).toEqual([3]);
      await jest.advanceTimersByTimeAsync(0);
      expect(requests[3]).toEqual([{ topic: Topics.events, records: [record('c')] }]);
      completions[3]?.resolve();
      await later;
    } finally {
      jest.useRealTimers();
    }
  });

  it('replaces the producer before resending when the failure says so', async () => {
    jest.useFakeTimers();
    try {
      const { send, requests, completions } = controlledSend();
      const reset = jest.fn(async () => undefined);
      const batcher = new PublishBatcher(send, { onFailure: () => 'reset-and-resend', reset });
      const published = batcher.publish(Topics.events, [record('a')]);
      completions[0]?.reject(new Error('OUT_OF_ORDER_SEQUENCE_NUMBER'));
      await jest.advanceTimersByTimeAsync(200);
      expect(reset).toHaveBeenCalledTimes(1);
      expect(requests).toHaveLength(2);
      completions[1]?.resolve();
      await published;
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a publish at once when the backlog is full, and fails what waits when closed', async () => {
    const { send } = controlledSend();
    const batcher = new PublishBatcher(send, { maxQueuedRecords: 2, onFailure: () => 'resend' });
    const inFlight = batcher.publish(Topics.events, [record('a')]);
    const waiting = batcher.publish(Topics.events, [record('b')]);
    await expect(batcher.publish(Topics.events, [record('c')])).rejects.toBeInstanceOf(PublishBacklogFull);
    batcher.close();
    await expect(waiting).rejects.toThrow('closed');
    void inFlight.catch(() => undefined);
  });
});
