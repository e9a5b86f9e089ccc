import type { MetricsRegistry } from '@app/observability';
import type { Counter } from 'prom-client';
import type { RetentionRound } from './retention-round';
import type { RetentionTarget } from './retention-target';

interface LastRun {
  durationSeconds: number;
  finishedAtSeconds: number;
}

// One process may run several services' jobs (embedded mode) on one registry: a gauge is
// registered once, so it reads the last run of every schema from here.
const lastRuns = new WeakMap<MetricsRegistry, Map<string, LastRun>>();

/** csms_retention_*: rows deleted and batches per table, rounds by outcome, the last round's duration and time, per schema. */
export class RetentionMetrics {
  private readonly rowsDeleted: Counter;
  private readonly batches: Counter;
  private readonly runs: Counter;
  private readonly lastRunOf: Map<string, LastRun>;

  constructor(metrics: MetricsRegistry) {
    this.rowsDeleted = metrics.counter('csms_retention_rows_deleted_total', 'Rows the retention job deleted, by schema, table and retention class', ['schema', 'table', 'class']);
    this.batches = metrics.counter('csms_retention_batches_total', 'DELETE batches (one short transaction each) the retention job ran, by schema and table', ['schema', 'table']);
    this.runs = metrics.counter('csms_retention_runs_total', 'Retention rounds, by schema and outcome (completed, skipped: another replica held the lock, stopped, failed)', ['schema', 'outcome']);
    const known = lastRuns.get(metrics) ?? new Map<string, LastRun>();
    lastRuns.set(metrics, known);
    this.lastRunOf = known;
    metrics.observedGauge('csms_retention_last_run_duration_seconds', 'Duration of the last retention round this replica ran to the end, by schema', ['schema'], (gauge) => {
      for (const [schema, run] of known) gauge.set({ schema }, run.durationSeconds);
    });
    metrics.observedGauge('csms_retention_last_run_timestamp_seconds', 'When the last retention round this replica ran to the end finished (Unix time), by schema', ['schema'], (gauge) => {
      for (const [schema, run] of known) gauge.set({ schema }, run.finishedAtSeconds);
    });
  }

  batch(target: RetentionTarget, deleted: number): void {
    this.batches.inc({ schema: target.schema, table: target.table });
    if (deleted > 0) this.rowsDeleted.inc({ schema: target.schema, table: target.table, class: target.tableClass }, deleted);
  }

  round(schema: string, round: RetentionRound, finishedAt: Date): void {
    this.runs.inc({ schema, outcome: round.outcome });
    if (round.outcome === 'completed') this.lastRunOf.set(schema, { durationSeconds: round.durationMs / 1000, finishedAtSeconds: finishedAt.getTime() / 1000 });
  }

  failed(schema: string): void {
    this.runs.inc({ schema, outcome: 'failed' });
  }
}
