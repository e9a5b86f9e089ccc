import { MetricsRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { type OcspAnswer, OcspResponder, ocspErrorResponse } from './ocsp.responder';
import { OcspMetrics } from './revocation.metrics';
import { REVOCATION_TIMINGS, type RevocationTimings } from './revocation-timings';
import { StoredCertificateStatus } from './stored-certificate-status';

/** The OCSP responder over the stored revocations; a failure inside is answered internalError, never a 500 page. */
@Injectable()
export class OcspService {
  private readonly responder: OcspResponder;
  private readonly logger: Logger;
  private readonly metrics: OcspMetrics;

  constructor(source: StoredCertificateStatus, @Inject(REVOCATION_TIMINGS) timings: RevocationTimings, @Inject(ROOT_LOGGER) rootLogger: Logger, metrics: MetricsRegistry) {
    this.metrics = new OcspMetrics(metrics);
    this.responder = new OcspResponder(source, { validityMs: timings.ocspValidityMs });
    this.logger = rootLogger.child({ component: 'ocsp' });
  }

  async answer(request: Uint8Array): Promise<OcspAnswer> {
    const answer = await this.responderAnswer(request);
    this.metrics.answered(answer.outcome);
    return answer;
  }

  private async responderAnswer(request: Uint8Array): Promise<OcspAnswer> {
    try {
      const answer = await this.responder.answer(request);
      if (answer.outcome !== 'successful') this.logger.info({ outcome: answer.outcome, reason: answer.reason }, 'OCSP request not answered with a status');
      return answer;
    } catch (error) {
      this.logger.error({ err: error }, 'OCSP request failed');
      return { outcome: 'internalError', response: ocspErrorResponse('internalError') };
    }
  }
}
