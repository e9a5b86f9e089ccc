import { IntervalLog, MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CertificateExpiryRepository } from './certificate-expiry.repository';

/** The windows an operator alerts on: a week is urgent, a month is the renewal horizon. */
export const EXPIRY_WINDOWS_DAYS = [7, 30] as const;
/** Certificates cross a window as time passes: counting again this often is fresh enough. */
const RECOUNT_MS = 5 * 60_000;

/**
 * csms_pki_certificates_expiring: station certificates of ours, valid and not revoked, that expire
 * within 7 and 30 days. Counted in the database by the scrape that finds the count stale (older
 * than a few minutes, or a certificate was issued or revoked since): at most one small query per
 * few minutes however often Prometheus scrapes, and no timer.
 */
@Injectable()
export class CertificateExpiryMetrics {
  private counts = new Map<number, number>();
  private countedAt = Number.NEGATIVE_INFINITY;
  private readonly failures: IntervalLog;

  constructor(
    private readonly repository: CertificateExpiryRepository,
    metrics: MetricsRegistry,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.failures = new IntervalLog(rootLogger.child({ component: 'certificate-expiry' }), { message: 'could not count expiring certificates', intervalMs: RECOUNT_MS, level: 'warn' });
    metrics.observedGauge('csms_pki_certificates_expiring', 'Station certificates issued here, valid and not revoked, that expire within the window (within_days: 7, 30)', ['within_days'], async (gauge) => {
      if (Date.now() - this.countedAt >= RECOUNT_MS) await this.recount();
      for (const days of EXPIRY_WINDOWS_DAYS) {
        const count = this.counts.get(days);
        if (count !== undefined) gauge.set({ within_days: String(days) }, count);
      }
    });
  }

  /** A certificate was issued or revoked: the next scrape counts again. */
  changed(): void {
    this.countedAt = Number.NEGATIVE_INFINITY;
  }

  /** A failure keeps the last counts (and is retried by the next scrape). */
  private async recount(): Promise<void> {
    try {
      this.counts = await this.repository.countExpiring(EXPIRY_WINDOWS_DAYS);
      this.countedAt = Date.now();
    } catch (error) {
      this.failures.record('count', { err: error });
    }
  }
}
