import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { DrainOutcome } from '../station-connection';

/** Prometheus instruments of the gateway's drain on SIGTERM (ADR 045); scraped while it runs. */
@Injectable()
export class DrainMetrics {
  /** Stations closed by the drain: `idle` with nothing unanswered, `busy` when their wait for the last answers ran out. */
  readonly stationsClosed: Counter;
  private startedAt: number | undefined;
  private endedAt: number | undefined;

  constructor(metrics: MetricsRegistry) {
    this.stationsClosed = metrics.counter(
      'csms_gateway_drain_stations_closed_total',
      'Station connections closed by the drain on SIGTERM, by outcome (idle: nothing unanswered; busy: the wait for in-flight calls ran out)',
      ['outcome'],
    );
    (['idle', 'busy'] satisfies DrainOutcome[]).forEach((outcome) => this.stationsClosed.inc({ outcome }, 0));
    metrics.observedGauge('csms_gateway_drain_active', '1 while this replica drains its stations before it stops, else 0', [], (gauge) =>
      gauge.set(this.startedAt !== undefined && this.endedAt === undefined ? 1 : 0),
    );
    metrics.observedGauge('csms_gateway_drain_duration_seconds', 'How long the drain has run (or took, once done); 0 before it starts', [], (gauge) =>
      gauge.set(this.startedAt === undefined ? 0 : ((this.endedAt ?? Date.now()) - this.startedAt) / 1000),
    );
  }

  started(at: number): void {
    this.startedAt = at;
  }

  ended(at: number): void {
    this.endedAt = at;
  }
}
