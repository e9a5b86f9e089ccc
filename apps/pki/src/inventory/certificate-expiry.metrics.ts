import { IntervalLog, MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CertificateExpiryRepository } from './certificate-expiry.repository';

/** The windows an operator alerts on: a week is urgent, a month is the renewal horizon. */
export const EXPIRY_WINDOWS_DAYS = [7, 30] as const;
/** Certificates expire over days: counting every few minutes is fresh enough and costs one query. */
const REFRESH_MS = 5 * 60_000;

/**
 * csms_pki_certificates_expiring: station certificates of ours, valid and not revoked, that expire
 * within 7 and 30 days. Counted in the database every few minutes rather than on each scrape, so
 * that a scrape never waits for, or loads, the database.
 */
@Injectable()
export class CertificateExpiryMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private counts = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly failures: IntervalLog;

  constructor(
    private readonly repository: CertificateExpiryRepository,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.failures = new IntervalLog(rootLogger.child({ component: 'certificate-expiry' }), { message: 'could not count expiring certificates', intervalMs: REFRESH_MS, level: 'warn' });
    metrics.observedGauge('csms_pki_certificates_expiring', 'Station certificates issued here, valid and not revoked, that expire within the window (within_days: 7, 30)', ['within_days'], (gauge) => {
      for (const days of EXPIRY_WINDOWS_DAYS) {
        const count = this.counts.get(days);
        if (count !== undefined) gauge.set({ within_days: String(days) }, count);
      }
    });
  }

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Counts again now (start-up, tests); a failure keeps the last counts. */
  async refresh(): Promise<void> {
    try {
      this.counts = await this.repository.countExpiring(EXPIRY_WINDOWS_DAYS);
    } catch (error) {
      this.failures.record('count', { err: error });
    }
  }
}
