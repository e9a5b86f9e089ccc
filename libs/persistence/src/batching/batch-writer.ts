export interface BatchWriterOptions<T> {
  /** Writes one batch, e.g. with one multi-row INSERT. */
  write(batch: T[]): Promise<void>;
  /** A batch that could not be written; it is dropped (the caller logs it). */
  onWriteError(error: unknown, batch: T[]): void;
  /** Items dropped without a write attempt: the queue was full (told once per write, not per item), or the writer closed. */
  onDrop(count: number, why: 'queue-full' | 'closed'): void;
  /** Most items per write; default 500. */
  maxBatch?: number;
  /** How long an item may wait for others to share its write; default 200 ms. */
  flushDelayMs?: number;
  /** Most items waiting; beyond, new items are dropped. Default 20,000. */
  maxQueued?: number;
}

/**
 * Collects records off a hot path (a command's answer, a StatusNotification) and writes them in
 * the background, many per statement, one write at a time. `add` never waits and never fails:
 * what the records describe must not slow down or break because its log could not be written.
 * The price is that a record can be lost: when a write fails (the batch is reported and dropped,
 * not retried, so one bad row cannot wedge the queue) or when the database falls so far behind
 * that the queue overflows (new records are then dropped until it drains).
 */
export class BatchWriter<T> {
  private readonly maxBatch: number;
  private readonly flushDelayMs: number;
  private readonly maxQueued: number;
  private queue: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;
  private droppedWhileFull = 0;

  constructor(private readonly options: BatchWriterOptions<T>) {
    this.maxBatch = options.maxBatch ?? 500;
    this.flushDelayMs = options.flushDelayMs ?? 200;
    this.maxQueued = options.maxQueued ?? 20_000;
  }

  get queued(): number {
    return this.queue.length;
  }

  add(item: T): void {
    if (this.closed) return this.options.onDrop(1, 'closed');
    if (this.queue.length >= this.maxQueued) {
      this.droppedWhileFull += 1;
      return;
    }
    this.queue.push(item);
    if (this.writing) return;
    if (this.queue.length >= this.maxBatch) this.drain();
    else this.timer ??= setTimeout(() => this.drain(), this.flushDelayMs).unref();
  }

  /** Resolves once everything added so far has been written (or reported as failed). */
  async flush(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      if (!this.writing) this.drain();
      await this.writing;
    }
  }

  /** Writes what is queued; later records are dropped. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    clearTimeout(this.timer);
  }

  private drain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.queue.length === 0) return;
    this.writing = this.writeAll().finally(() => {
      this.writing = undefined;
      // Records that came during the last write wait for companions, as any other would.
      if (this.queue.length > 0) this.timer ??= setTimeout(() => this.drain(), this.flushDelayMs).unref();
    });
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.slice(batch.length);
      try {
        await this.options.write(batch);
      } catch (error) {
        this.options.onWriteError(error, batch);
      }
      if (this.droppedWhileFull > 0) {
        this.options.onDrop(this.droppedWhileFull, 'queue-full');
        this.droppedWhileFull = 0;
      }
      // Full batches keep going at once; a partial one means the backlog is gone.
      if (this.queue.length < this.maxBatch) return;
    }
  }
}
