import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CertificateSigningService } from './certificate-signing.service';
import { SigningRequestRepository } from './signing-request.repository';
import { sweepStepOf } from './signing-schedule';

const SWEEP_INTERVAL_MS = 10_000;
const SWEEP_BATCH = 200;

/**
 * Keeps unfinished CSRs moving: retries pending ones (a CA may have been activated since) and
 * resends certificates whose CertificateSigned failed; past PKI_SIGNING_TIMEOUT_SECONDS it marks
 * them timedOut with the reason they were stuck, so nothing waits invisibly.
 */
@Injectable()
export class SigningSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly logger: Logger;
  private readonly timeoutMs: number;

  constructor(
    private readonly requests: SigningRequestRepository,
    private readonly signing: CertificateSigningService,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'signing-sweeper' });
    this.timeoutMs = config.pki.signingTimeoutSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sweep()).catch((error: unknown) => this.logger.error({ err: error }, 'signing sweep failed'));
    }, SWEEP_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = new Date()): Promise<void> {
    for (const request of await this.requests.unfinished(SWEEP_BATCH)) {
      if (this.signing.isBusy(request.id)) continue;
      const step = sweepStepOf(request, now, this.timeoutMs);
      if (step === 'timeOut') {
        const reason = `timed out after ${this.timeoutMs / 1000} s${request.reason ? `: ${request.reason}` : ''}`;
        await this.requests.decide(request.id, { status: 'timedOut', refusalCode: request.refusalCode ?? undefined, reason: reason.slice(0, 500) });
        this.logger.warn({ signingRequestId: request.id, stationId: request.stationId, reason }, 'CSR timed out');
      } else if (step === 'retry') {
        await this.signing.advance(request, this.logger.child({ stationId: request.stationId }));
      }
    }
  }
}
