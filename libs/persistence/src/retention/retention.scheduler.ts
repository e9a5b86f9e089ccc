import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { RetentionJob } from './retention.job';
import type { RetentionMetrics } from './retention.metrics';

/**
 * Runs a service's retention job at start-up and every RETENTION_INTERVAL_SECONDS on every
 * replica (the job's lock lets one of them delete per round); a round still running when the
 * next is due is not doubled. Shutdown stops the round after its current batch and waits for it.
 */
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly job: RetentionJob,
    private readonly intervalMs: number,
    private readonly metrics: RetentionMetrics | undefined,
    private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
    this.timer = setInterval(() => this.schedule(), this.intervalMs).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.job.stop();
    await this.running;
  }

  private schedule(): void {
    if (this.running || this.stopped) return;
    this.running = this.round().finally(() => {
      this.running = undefined;
    });
  }

  private async round(): Promise<void> {
    try {
      const round = await this.job.runOnce();
      const total = Object.values(round.deleted).reduce((sum, count) => sum + count, 0);
      if (total > 0) this.logger.info({ deleted: round.deleted, batches: round.batches, durationMs: round.durationMs }, 'retention round deleted old rows');
    } catch (error) {
      this.metrics?.failed(this.job.schema);
      this.logger.error({ err: error }, 'retention round failed; trying again next round');
    }
  }
}
