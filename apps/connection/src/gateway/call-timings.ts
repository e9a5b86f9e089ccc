import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Histogram } from 'prom-client';

/**
 * How long the CSMS takes to handle each station CALL, from dispatch to its answer or to
 * withholding it: past capacity, the excess shows here as latency (ADR 033, 035), while stations
 * still get their answers.
 */
@Injectable()
export class CallTimings {
  private readonly seconds: Histogram;

  constructor(metrics: MetricsRegistry) {
    this.seconds = metrics.histogram(
      'csms_ocpp_call_handling_seconds',
      'Time from a station CALL reaching its handler to its answer (or its withholding), by action',
      ['action', 'outcome'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    );
  }

  async time<T>(action: string, handle: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let outcome = 'answered';
    try {
      return await handle();
    } catch (error) {
      outcome = 'failed';
      throw error;
    } finally {
      this.seconds.observe({ action, outcome }, (performance.now() - started) / 1000);
    }
  }
}
