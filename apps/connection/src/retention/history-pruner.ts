import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { ROOT_LOGGER } from '@app/observability';
import { InjectDataSource, queryRows } from '@app/persistence';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { PRUNED_TABLES } from '../persistence/history-tables';
import { retentionCutoff } from './retention-cutoff';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Rows per DELETE: short transactions that do not hold up the writers for long. */
export const BATCH_ROWS = 5000;
const LOCK_KEY = `csms:history-retention:${CONNECTION_SCHEMA}`;

/**
 * Keeps the history tables (commands, boots, statuses, connections, tracked requests, customer data, cleared alerts) to HISTORY_RETENTION_DAYS:
 * at start-up and every hour, deletes rows recorded before the cutoff, a batch at a time. Every
 * replica runs it; a transaction-scoped advisory lock lets one delete at a time and the others
 * skip that round, so replicas do not fight over the same rows.
 */
@Injectable()
export class HistoryPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly retentionDays: number;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.retentionDays = config.history.retentionDays;
    this.logger = logger.child({ component: 'history-retention' });
  }

  onApplicationBootstrap(): void {
    this.schedule();
    this.timer = setInterval(() => this.schedule(), PRUNE_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes what is older than the retention; resolves with the rows deleted per table. */
  async prune(now = new Date()): Promise<Record<string, number>> {
    const cutoff = retentionCutoff(now, this.retentionDays);
    const deleted: Record<string, number> = {};
    for (const { table, recordedAt } of PRUNED_TABLES) {
      let total = 0;
      let batch: number;
      do {
        batch = await this.deleteBatch(table, recordedAt, cutoff);
        total += batch;
        // A short batch: nothing older is left (or another replica holds the lock this round).
      } while (batch === BATCH_ROWS && !this.stopped);
      deleted[table] = total;
    }
    return deleted;
  }

  private schedule(): void {
    if (this.running || this.stopped) return;
    this.running = this.prune()
      .then((deleted) => {
        const total = Object.values(deleted).reduce((sum, count) => sum + count, 0);
        if (total > 0) this.logger.info({ deleted, retentionDays: this.retentionDays }, 'pruned history');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not prune history; trying again next round'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** One batch in its own transaction; 0 when another replica holds the lock (it prunes this round). */
  private deleteBatch(table: string, recordedAt: string, cutoff: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await queryRows<{ locked: boolean }>(manager, 'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [LOCK_KEY]);
      if (!lock?.locked) return 0;
      const deleted = await queryRows<{ id: string }>(
        manager,
        `DELETE FROM "${CONNECTION_SCHEMA}"."${table}" WHERE ctid IN (SELECT ctid FROM "${CONNECTION_SCHEMA}"."${table}" WHERE ${recordedAt} < $1 LIMIT ${BATCH_ROWS}) RETURNING 1 AS id`,
        [cutoff],
      );
      return deleted.length;
    });
  }
}
