import type { MetricsRegistry } from '@app/observability';
import type { Counter } from 'prom-client';
import { type OcspOutcome, OcspResponseStatus } from './ocsp.responder';
import { REVOCATION_REASONS } from './revocation-reason';

/** csms_pki_revocations_total by reason. */
export class RevocationMetrics {
  private readonly revocations: Counter;

  constructor(metrics: MetricsRegistry) {
    this.revocations = metrics.counter('csms_pki_revocations_total', 'Certificates revoked, by CRL reason', ['reason']);
    for (const reason of REVOCATION_REASONS) this.revocations.inc({ reason }, 0);
  }

  revoked(reason: string): void {
    this.revocations.inc({ reason });
  }
}

/** csms_pki_ocsp_responses_total by OCSP response status. */
export class OcspMetrics {
  private readonly responses: Counter;

  constructor(metrics: MetricsRegistry) {
    this.responses = metrics.counter('csms_pki_ocsp_responses_total', 'OCSP requests answered, by response status (successful, malformedRequest, internalError, unauthorized)', ['outcome']);
    for (const outcome of Object.keys(OcspResponseStatus)) this.responses.inc({ outcome }, 0);
  }

  answered(outcome: OcspOutcome): void {
    this.responses.inc({ outcome });
  }
}
