import type { RetentionConfig } from '@app/config';
import type { Logger } from 'pino';
import type { DataSource, QueryRunner } from 'typeorm';
import { queryRows } from '../sql/sql-rows';
import { batchDeleteSql, moreToDelete } from './retention-batch';
import { type PlannedTarget, planRound } from './retention-plan';
import type { RetentionRound } from './retention-round';
import type { RetentionTarget } from './retention-target';
import type { RetentionMetrics } from './retention.metrics';

/** The advisory lock one replica holds for a whole round of a schema; the others skip that round. */
export function retentionLockKey(schema: string): string {
  return `csms:retention:${schema}`;
}

/**
 * One round of a service's retention: on one pooled connection, takes the schema's advisory lock
 * (session-scoped, so a replica that dies frees it with its connection), then deletes from each
 * target, a batch per short transaction, until a batch comes back short. Writers only ever wait
 * for one batch's row locks, never for the round.
 */
export class RetentionJob {
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
    private readonly targets: readonly RetentionTarget[],
    private readonly config: Pick<RetentionConfig, 'days' | 'batchRows'>,
    private readonly metrics: RetentionMetrics | undefined,
    private readonly logger: Logger,
  ) {}

  /** Ends the round in progress after its current batch. */
  stop(): void {
    this.stopped = true;
  }

  async runOnce(now = new Date()): Promise<RetentionRound> {
    const started = Date.now();
    const round: RetentionRound = { outcome: 'completed', deleted: {}, batches: {}, durationMs: 0 };
    const planned = planRound(this.targets, this.config.days, now);
    const runner = this.dataSource.createQueryRunner();
    try {
      const [lock] = await queryRows<{ locked: boolean }>(runner, 'SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [retentionLockKey(this.schema)]);
      if (!lock?.locked) {
        round.outcome = 'skipped';
      } else {
        try {
          round.outcome = await this.prune(runner, planned, round);
        } finally {
          await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [retentionLockKey(this.schema)]);
        }
      }
    } finally {
      await runner.release();
    }
    round.durationMs = Date.now() - started;
    this.metrics?.round(this.schema, round, new Date());
    return round;
  }

  private async prune(runner: QueryRunner, planned: PlannedTarget[], round: RetentionRound): Promise<RetentionRound['outcome']> {
    for (const { target, cutoff } of planned) {
      const name = `${target.schema}.${target.table}`;
      const sql = batchDeleteSql(target, this.config.batchRows);
      round.deleted[name] = 0;
      round.batches[name] = 0;
      let deleted: number;
      do {
        if (this.stopped) return 'stopped';
        deleted = await this.deleteBatch(runner, sql, cutoff);
        round.deleted[name] += deleted;
        round.batches[name] += 1;
        this.metrics?.batch(target, deleted);
      } while (moreToDelete(deleted, this.config.batchRows));
      if (round.deleted[name] > 0) this.logger.debug({ table: name, deleted: round.deleted[name], cutoff }, 'pruned');
    }
    return 'completed';
  }

  /** One batch in its own transaction, so its row locks are held only while it runs. */
  private async deleteBatch(runner: QueryRunner, sql: string, cutoff: Date): Promise<number> {
    await runner.startTransaction();
    try {
      const gone = await queryRows<{ gone: number }>(runner, `${sql} RETURNING 1 AS gone`, [cutoff]);
      await runner.commitTransaction();
      return gone.length;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }
}
