import type { MetricsRegistry } from '@app/observability';
import type { Counter } from 'prom-client';
import { type AllocationFigures, allocationFigures } from './allocation-figures';
import type { SitePlanView } from './site-plan.view';

/**
 * What site planning does, for dashboards: runs by outcome, and per site (one series per site an
 * operator defined: bounded by configuration, never by stations or sessions) the power the latest
 * plan allocates and how many sessions it caps.
 */
export class AllocationMetrics {
  private readonly runs: Counter;
  private readonly figures = new Map<string, AllocationFigures>();

  constructor(metrics: MetricsRegistry) {
    this.runs = metrics.counter('csms_smart_charging_allocation_runs_total', 'Site plans run (allocation and profile building), by outcome (planned, failed)', ['outcome']);
    ['planned', 'failed'].forEach((outcome) => this.runs.inc({ outcome }, 0));
    metrics.observedGauge('csms_smart_charging_allocated_watts', "Power the latest plan of a site puts through its grid connection: allocated sessions and fixed loads, W", ['site'], (gauge) => {
      for (const [site, figures] of this.figures) gauge.set({ site }, figures.allocatedW);
    });
    metrics.observedGauge('csms_smart_charging_sessions', 'Sessions in the latest plan of a site, by allocation: full (all they can take) or capped (less, 0 included)', ['site', 'allocation'], (gauge) => {
      for (const [site, { sessions, capped }] of this.figures) {
        gauge.set({ site, allocation: 'capped' }, capped);
        gauge.set({ site, allocation: 'full' }, sessions - capped);
      }
    });
  }

  planned(plan: SitePlanView): void {
    this.runs.inc({ outcome: 'planned' });
    this.figures.set(plan.siteId, allocationFigures(plan));
  }

  failed(): void {
    this.runs.inc({ outcome: 'failed' });
  }

  /** A site that no longer exists leaves the gauges. */
  forget(siteId: string): void {
    this.figures.delete(siteId);
  }
}
