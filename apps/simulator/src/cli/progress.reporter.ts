import type { FleetSnapshot } from '../metrics/fleet-metrics';
import { formatProgress } from './summary.formatter';

export interface ProgressTarget {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Shows how a run goes on stderr: on a terminal one line rewritten twice a second, otherwise a
 * plain line every ten seconds (for CI logs).
 */
export class ProgressReporter {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly target: ProgressTarget,
    private readonly snapshot: () => FleetSnapshot,
    private readonly total: number,
  ) {}

  start(): void {
    const interactive = this.target.isTTY === true;
    this.timer = setInterval(() => this.render(interactive), interactive ? 500 : 10_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.target.isTTY) this.target.write('\r\x1b[K');
  }

  private render(interactive: boolean): void {
    const line = formatProgress(this.snapshot(), this.total);
    this.target.write(interactive ? `\r\x1b[K${line}` : `${line}\n`);
  }
}
