import type { Logger } from 'pino';

export interface IntervalLogOptions {
  /** The summary line's message, e.g. 'station calls left unanswered'. */
  message: string;
  /** How often at most a summary line is written. */
  intervalMs: number;
  level?: 'error' | 'warn' | 'info';
}

/** What one occurrence adds to the summary when it is the interval's example: `err` and any context fields. */
export type IntervalLogExample = { err?: unknown } & Record<string, unknown>;

/**
 * Counts occurrences of a repeated event by key and writes one summary line per interval (the
 * counts, and the first occurrence's details as an example) instead of one line per event:
 * under overload a per-message log line is itself load, and thousands of identical lines hide
 * the one that matters. Quiet intervals write nothing and keep no timer running.
 */
export class IntervalLog {
  private counts = new Map<string, number>();
  private example: ({ key: string } & IntervalLogExample) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly options: IntervalLogOptions,
  ) {}

  record(key: string, example: IntervalLogExample = {}): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.example ??= { key, ...example };
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.options.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes the summary of what was recorded since the last one, if anything was. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.counts.size === 0) return;
    const counts = Object.fromEntries(this.counts);
    const total = [...this.counts.values()].reduce((sum, count) => sum + count, 0);
    const { err, ...example } = this.example ?? { key: '' };
    this.counts = new Map();
    this.example = undefined;
    this.logger[this.options.level ?? 'warn']({ total, counts, intervalMs: this.options.intervalMs, example, err }, this.options.message);
  }
}
