import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { REPORT_SILENCE_LIMIT_S } from './report-job';
import { ReportJobRepository } from './report-job.repository';

const SWEEP_EVERY_MS = 30_000;

/**
 * Times out reports whose parts stopped arriving (a station that rebooted mid-report never sends
 * the rest). Every replica sweeps; the UPDATE is idempotent, so they need no coordination.
 */
@Injectable()
export class ReportJobSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger: Logger;

  constructor(
    private readonly jobs: ReportJobRepository,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'device-model-reports' });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const timedOut = await this.jobs.timeOutSilent(REPORT_SILENCE_LIMIT_S);
      if (timedOut > 0) this.logger.warn({ timedOut }, 'device model reports timed out waiting for parts');
    } catch (error) {
      this.logger.error({ err: error }, 'could not time out silent device model reports');
    }
  }
}
