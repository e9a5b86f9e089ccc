import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { MetricsRegistry } from '@app/observability';
import { GroupCommitter, InjectDataSource, type SqlExecutor, warmPool } from '@app/persistence';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from './connection-schema';

/**
 * Sizing of the group commits on the station core's acknowledged path (ADR 035). Two writes in
 * flight per kind keep the database busy while the next batch gathers, and leave the rest of the
 * pool to transactions, boots and the operator API. 500 rows keep one statement's parameters
 * well under a megabyte. 20,000 queued messages is several seconds of the fastest rate measured
 * here: beyond it a station gets no answer (it retries) rather than an ever longer wait.
 */
const GROUP_COMMIT = { maxBatch: 500, maxInFlight: 2, maxQueued: 20_000 } as const;

/** A group commit's statement run with no rows: it prepares the statement and changes nothing. */
export type WarmUp = (executor: SqlExecutor) => Promise<unknown>;

/**
 * Makes the connection service's group committers, reports them as metrics, and before the
 * service starts listening opens every pooled connection and prepares their statements on it.
 */
@Injectable()
export class GroupCommits implements OnModuleInit {
  private readonly committers = new Map<string, GroupCommitter<never, unknown>>();
  private readonly warmUps: WarmUp[] = [];
  private readonly batchItems: Histogram;
  private readonly writeSeconds: Histogram;
  private readonly poolSize: number;

  constructor(
    metrics: MetricsRegistry,
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.poolSize = config.database.poolSize;
    this.batchItems = metrics.histogram('csms_group_commit_items', 'Station messages written per group-commit statement', ['kind'], [1, 2, 5, 10, 20, 50, 100, 200, 500]);
    this.writeSeconds = metrics.histogram('csms_group_commit_write_seconds', 'Duration of a group-commit statement', ['kind', 'outcome'], [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 5]);
    metrics.observedGauge('csms_group_commit_queued', 'Station messages waiting for a group-commit write', ['kind'], (gauge) => {
      for (const [kind, committer] of this.committers) gauge.set({ kind }, committer.queued);
    });
  }

  async onModuleInit(): Promise<void> {
    await warmPool(this.dataSource, this.poolSize, this.warmUps);
  }

  committer<T, R>(kind: string, write: (items: readonly T[]) => Promise<R[]>, warmUp: WarmUp): GroupCommitter<T, R> {
    this.warmUps.push(warmUp);
    const committer = new GroupCommitter<T, R>({
      ...GROUP_COMMIT,
      write,
      onWrite: (items, ms, ok) => {
        this.batchItems.observe({ kind }, items);
        this.writeSeconds.observe({ kind, outcome: ok ? 'ok' : 'failed' }, ms / 1000);
      },
    });
    this.committers.set(kind, committer as unknown as GroupCommitter<never, unknown>);
    return committer;
  }
}
