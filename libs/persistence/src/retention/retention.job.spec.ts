import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { batchesFor } from './retention-batch';
import { inboxRetention, mutationAuditRetention } from './retention-target';
import { RetentionJob } from './retention.job';
import { RetentionMetrics } from './retention.metrics';

const logger = pino({ level: 'silent' });
const days = { processedEvents: 30, meterSamples: 30, transactionEvents: 30, audit: 30, history: 30, drawHistory: 30 };

/** A connection whose DELETEs remove `backlog[table]` rows, at most the statement's LIMIT each. */
function database(backlog: Record<string, number>, locked = true) {
  const statements: string[] = [];
  const runner = {
    query: async (sql: string) => {
      statements.push(sql);
      if (sql.includes('pg_try_advisory_lock')) return [{ locked }];
      if (!sql.startsWith('DELETE')) return [];
      const table = /FROM "\w+"\."(\w+)"/.exec(sql)?.[1] ?? '';
      const limit = Number(/LIMIT (\d+)/.exec(sql)?.[1]);
      const count = Math.min(limit, backlog[table] ?? 0);
      backlog[table] = (backlog[table] ?? 0) - count;
      return [Array.from({ length: count }, () => ({ gone: 1 })), count];
    },
    startTransaction: async () => statements.push('BEGIN'),
    commitTransaction: async () => statements.push('COMMIT'),
    rollbackTransaction: async () => statements.push('ROLLBACK'),
    release: async () => statements.push('RELEASE'),
  };
  return { dataSource: { createQueryRunner: () => runner } as unknown as DataSource, statements };
}

describe('RetentionJob', () => {
  it('empties each table a batch per transaction, stopping at the first short batch', async () => {
    const { dataSource, statements } = database({ processed_event: 2 * 100 + 7, mutation_audit: 100 });
    const job = new RetentionJob(dataSource, 'pki', [inboxRetention('pki'), mutationAuditRetention('pki')], { days, batchRows: 100 }, undefined, logger);
    const round = await job.runOnce(new Date('2025-06-01T00:00:00Z'));
    expect(round.outcome).toBe('completed');
    expect(round.deleted).toEqual({ 'pki.processed_event': 207, 'pki.mutation_audit': 100 });
    expect(round.batches).toEqual({ 'pki.processed_event': batchesFor(207, 100), 'pki.mutation_audit': batchesFor(100, 100) });
    // Every DELETE sits alone between BEGIN and COMMIT; the lock is given back and the connection released.
    const deletes = statements.flatMap((sql, i) => (sql.startsWith('DELETE') ? [[statements[i - 1], statements[i + 1]]] : []));
    expect(deletes).toHaveLength(5);
    expect(deletes.every(([before, after]) => before === 'BEGIN' && after === 'COMMIT')).toBe(true);
    expect(statements.slice(-2)).toEqual([expect.stringContaining('pg_advisory_unlock'), 'RELEASE']);
  });

  it('leaves the round to the replica holding the lock', async () => {
    const { dataSource, statements } = database({ processed_event: 10 }, false);
    const round = await new RetentionJob(dataSource, 'pki', [inboxRetention('pki')], { days, batchRows: 100 }, undefined, logger).runOnce();
    expect(round.outcome).toBe('skipped');
    expect(statements.some((sql) => sql.startsWith('DELETE'))).toBe(false);
    expect(statements.at(-1)).toBe('RELEASE');
  });

  it('stops after the current batch once told to', async () => {
    const { dataSource } = database({ processed_event: 1000 });
    const job = new RetentionJob(dataSource, 'pki', [inboxRetention('pki')], { days, batchRows: 10 }, undefined, logger);
    job.stop();
    expect((await job.runOnce()).outcome).toBe('stopped');
  });

  it('counts rows and batches per table and times the round under csms_retention_*', async () => {
    const registry = new MetricsRegistry();
    const { dataSource } = database({ processed_event: 15 });
    await new RetentionJob(dataSource, 'pki', [inboxRetention('pki')], { days, batchRows: 10 }, new RetentionMetrics(registry), logger).runOnce();
    const text = await registry.registry.metrics();
    expect(text).toContain('csms_retention_rows_deleted_total{schema="pki",table="processed_event",class="processedEvents"} 15');
    expect(text).toContain('csms_retention_batches_total{schema="pki",table="processed_event"} 2');
    expect(text).toContain('csms_retention_runs_total{schema="pki",outcome="completed"} 1');
    expect(text).toMatch(/csms_retention_last_run_duration_seconds\{schema="pki"\} \d/);
    expect(text).toMatch(/csms_retention_last_run_timestamp_seconds\{schema="pki"\} \d{10}/);
  });
});
