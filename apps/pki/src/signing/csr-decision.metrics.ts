import type { MetricsRegistry } from '@app/observability';
import type { Counter } from 'prom-client';
import { CsrRefusalCode } from './csr-refusal';

/** csms_pki_csr_decisions_total: station CSRs signed, and refused by the policy rule they broke. */
export class CsrDecisionMetrics {
  private readonly decisions: Counter;

  constructor(metrics: MetricsRegistry) {
    this.decisions = metrics.counter('csms_pki_csr_decisions_total', 'Station CSRs decided: signed (reason="none"), or refused by the policy rule they broke (reason: the refusal code)', ['outcome', 'reason']);
    // Every series from the start: a rate of refusals needs its series before the first one.
    this.decisions.inc({ outcome: 'signed', reason: 'none' }, 0);
    for (const code of Object.values(CsrRefusalCode)) this.decisions.inc({ outcome: 'refused', reason: code }, 0);
  }

  signed(): void {
    this.decisions.inc({ outcome: 'signed', reason: 'none' });
  }

  refused(code: CsrRefusalCode): void {
    this.decisions.inc({ outcome: 'refused', reason: code });
  }
}
