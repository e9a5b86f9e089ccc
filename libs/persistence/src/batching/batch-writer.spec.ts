import { BatchWriter, type BatchWriterOptions } from './batch-writer';

function harness({ write, ...options }: Partial<BatchWriterOptions<number>> = {}) {
  const written: number[][] = [];
  const failed: number[][] = [];
  const dropped: string[] = [];
  const writer = new BatchWriter<number>({
    write: async (batch) => {
      written.push(batch);
      await write?.(batch);
    },
    onWriteError: (_error, batch) => failed.push(batch),
    onDrop: (count, why) => dropped.push(`${count}:${why}`),
    maxBatch: 3,
    flushDelayMs: 50,
    ...options,
  });
  return { writer, written, failed, dropped };
}

afterEach(() => jest.useRealTimers());

describe('BatchWriter', () => {
  it('writes what was added after the flush delay, in one batch, without the caller waiting', async () => {
    jest.useFakeTimers();
    const { writer, written } = harness();
    writer.add(1);
    writer.add(2);
    expect(written).toEqual([]);
    await jest.advanceTimersByTimeAsync(50);
    expect(written).toEqual([[1, 2]]);
  });

  it('writes a full batch at once, and the rest after the delay', async () => {
    jest.useFakeTimers();
    const { writer, written } = harness();
    [1, 2, 3, 4].forEach((item) => writer.add(item));
    await jest.advanceTimersByTimeAsync(0);
    expect(written).toEqual([[1, 2, 3]]);
    await jest.advanceTimersByTimeAsync(50);
    expect(written).toEqual([[1, 2, 3], [4]]);
  });

  it('runs one write at a time, collecting what arrives meanwhile', async () => {
    const gate = { open: Promise.resolve() };
    const { writer, written } = harness({ write: () => gate.open });
    let open: () => void = () => undefined;
    gate.open = new Promise((resolve) => (open = resolve));
    [1, 2, 3].forEach((item) => writer.add(item));
    [4, 5].forEach((item) => writer.add(item));
    await Promise.resolve();
    expect(written).toEqual([[1, 2, 3]]);
    open();
    await writer.flush();
    expect(written).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('reports and drops a batch that fails, and goes on with the next', async () => {
    const { writer, written, failed } = harness({
      write: async (batch) => {
        if (batch.includes(2)) throw new Error('invalid byte sequence');
      },
    });
    [1, 2].forEach((item) => writer.add(item));
    await writer.flush();
    writer.add(3);
    await writer.flush();
    expect(failed).toEqual([[1, 2]]);
    expect(written).toEqual([[1, 2], [3]]);
  });

  it('drops new records while the queue is full, and all records once closed', async () => {
    const { writer, written, dropped } = harness({ maxBatch: 10, maxQueued: 2 });
    [1, 2, 3].forEach((item) => writer.add(item));
    await writer.close();
    writer.add(4);
    expect(written).toEqual([[1, 2]]);
    expect(dropped).toEqual(['1:queue-full', '1:closed']);
  });
});
