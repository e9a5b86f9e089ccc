import { GroupCommitFailed, GroupCommitFull, GroupCommitter } from './group-committer';

/** A write that waits until the test releases it, so batching can be observed step by step. */
function controlledWrites() {
  const writes: { items: number[]; release(): void; fail(error: unknown): void }[] = [];
  const write = (items: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => {
      writes.push({ items: [...items], release: () => resolve(items.map((item) => item * 10)), fail: reject });
    });
  return { writes, write };
}

const flushMicrotasks = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommitter', () => {
  it('writes an item at once when a slot is free, and what queues meanwhile together in the next write', async () => {
    const { writes, write } = controlledWrites();
    const committer = new GroupCommitter({ write, maxInFlight: 1 });
    const first = committer.submit(1);
    await flushMicrotasks();
    expect(writes.map((w) => w.items)).toEqual([[1]]);
    const later = [2, 3, 4].map((item) => committer.submit(item));
    expect(committer.queued).toBe(3);
    writes[0]?.release();
    await expect(first).resolves.toBe(10);
    await flushMicrotasks();
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3, 4]]);
    writes[1]?.release();
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  });

  it('keeps up to maxInFlight writes running and never puts more than maxBatch items in one', async () => {
    const { writes, write } = controlledWrites();
    const committer = new GroupCommitter({ write, maxInFlight: 2, maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((item) => committer.submit(item));
    await flushMicrotasks();
    expect(writes.map((w) => w.items)).toEqual([[1], [2]]);
    writes[1]?.release();
    await flushMicrotasks();
    expect(writes.map((w) => w.items)).toEqual([[1], [2], [3, 4]]);
    writes[0]?.release();
    writes[2]?.release();
    await flushMicrotasks();
    writes[3]?.release();
    await expect(Promise.all(all)).resolves.toEqual([10, 20, 30, 40, 50]);
    await committer.drained();
  });

  it('fails every item of a write that failed for a reason no row caused, without the statement parameters', async () => {
    const { writes, write } = controlledWrites();
    const committer = new GroupCommitter({ write, maxInFlight: 1 });
    const blocker = committer.submit(0);
    const batch = [1, 2].map((item) => committer.submit(item));
    await flushMicrotasks();
    writes[0]?.release();
    await blocker;
    await flushMicrotasks();
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { parameters: [['secret']] });
    writes[1]?.fail(lost);
    for (const item of batch) {
      const error = await item.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(GroupCommitFailed);
      expect((error as Error).message).toContain('Connection terminated unexpectedly');
      expect(error).not.toHaveProperty('parameters');
    }
    expect(writes).toHaveLength(2);
  });

  it('writes the items again one by one when a row was refused, so that only that item fails', async () => {
    const written: number[][] = [];
    const committer = new GroupCommitter<number, number>({
      maxInFlight: 1,
      write: async (items) => {
        written.push([...items]);
        if (items.includes(13)) throw Object.assign(new Error('value out of range'), { code: '22003' });
        return items.map((item) => item * 10);
      },
    });
    const blocker = committer.submit(0);
    const batch = [12, 13, 14].map((item) => committer.submit(item).catch((error: unknown) => error));
    await blocker;
    const [twelve, thirteen, fourteen] = await Promise.all(batch);
    expect([twelve, fourteen]).toEqual([120, 140]);
    expect(thirteen).toBeInstanceOf(GroupCommitFailed);
    expect((thirteen as GroupCommitFailed).code).toBe('22003');
    expect(written).toEqual([[0], [12, 13, 14], [12], [13], [14]]);
  });

  it('refuses at once when the queue is full, and takes items again once it drains', async () => {
    const { writes, write } = controlledWrites();
    const committer = new GroupCommitter({ write, maxInFlight: 1, maxQueued: 1 });
    const first = committer.submit(1);
    const queued = committer.submit(2);
    await expect(committer.submit(3)).rejects.toBeInstanceOf(GroupCommitFull);
    await flushMicrotasks();
    writes[0]?.release();
    await first;
    await flushMicrotasks();
    writes[1]?.release();
    await expect(queued).resolves.toBe(20);
    const again = committer.submit(4);
    await flushMicrotasks();
    writes[2]?.release();
    await expect(again).resolves.toBe(40);
  });

  it('reports every write with its size and outcome', async () => {
    const reported: [number, boolean][] = [];
    const committer = new GroupCommitter<number, number>({
      write: async (items) => items.map((item) => item),
      onWrite: (items, _ms, ok) => reported.push([items, ok]),
    });
    await committer.submit(1);
    expect(reported).toEqual([[1, true]]);
  });
});
