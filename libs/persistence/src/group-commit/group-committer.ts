import { isRowDataError } from './row-data-error';

export interface GroupCommitOptions<T, R> {
  /**
   * Writes the items with one round trip (a multi-row statement, committed on its own) and
   * resolves with one result per item, in the items' order.
   */
  write(items: readonly T[]): Promise<R[]>;
  /** Most items per write; default 500. */
  maxBatch?: number;
  /** Writes running at once, each on its own pooled connection; default 2. */
  maxInFlight?: number;
  /** Most items waiting for a write; beyond, `submit` refuses at once with GroupCommitFull. Default 20,000. */
  maxQueued?: number;
  /** Told after every write, for metrics. */
  onWrite?(items: number, ms: number, ok: boolean): void;
}

/** The queue in front of the database is full: the caller withholds its answer, the station retries later. */
export class GroupCommitFull extends Error {
  override readonly name = 'GroupCommitFull';
}

/**
 * A write failed. It carries the driver's message and SQLSTATE but not the failed statement's
 * parameters (TypeORM's error holds them all: the rows of every station in the write), which
 * would otherwise reach the logs of each caller.
 */
export class GroupCommitFailed extends Error {
  override readonly name = 'GroupCommitFailed';
  readonly code: string | undefined;

  constructor(error: unknown, items: number) {
    super(`a write of ${items} item(s) failed: ${error instanceof Error ? error.message : String(error)}`);
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the acknowledged hot path (ADR 035): the writes of many stations' messages
 * share one statement, and each caller's promise settles only once its own rows are committed
 * (or have failed). There is no timer: a write starts as soon as a slot is free, so an idle
 * system answers as fast as with one statement per message, and under load the items that queue
 * while the slots are busy leave together in the next write: throughput grows with load
 * instead of latency.
 *
 * A failed write fails its items only. When the database refused the data of some row
 * (SQLSTATE class 22 or 23), the items are written again one by one so that only the culprit
 * fails; any other failure (connection lost, server shutting down) fails the whole write at once.
 */
export class GroupCommitter<T, R> {
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private queue: Waiting<T, R>[] = [];
  private inFlight = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly options: GroupCommitOptions<T, R>) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxQueued = options.maxQueued ?? 20_000;
  }

  /** Items waiting for a free write slot. */
  get queued(): number {
    return this.queue.length;
  }

  /** Resolves with the item's result once it is committed; rejects when its write failed. */
  submit(item: T): Promise<R> {
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(new GroupCommitFull(`${this.queue.length} writes are already waiting for the database`));
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once nothing is queued or being written. */
  drained(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
        if (this.inFlight === 0 && this.queue.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private async commit(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.timedWrite(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(results[index] as R));
    } catch (error) {
      if (batch.length > 1 && isRowDataError(error)) return this.commitOneByOne(batch);
      const failure = new GroupCommitFailed(error, batch.length);
      batch.forEach((waiting) => waiting.reject(failure));
    }
  }

  private async commitOneByOne(batch: Waiting<T, R>[]): Promise<void> {
    for (const waiting of batch) {
      try {
        const [result] = await this.timedWrite([waiting.item]);
        waiting.resolve(result as R);
      } catch (error) {
        waiting.reject(new GroupCommitFailed(error, 1));
      }
    }
  }

  private async timedWrite(items: T[]): Promise<R[]> {
    const started = performance.now();
    let ok = false;
    try {
      const results = await this.options.write(items);
      if (results.length !== items.length) throw new Error(`a group commit write returned ${results.length} results for ${items.length} items`);
      ok = true;
      return results;
    } finally {
      this.options.onWrite?.(items.length, performance.now() - started, ok);
    }
  }
}
