import type { RetentionConfig } from '@app/config';
import { CONNECTION_RETENTION } from '@app/connection/retention/connection-retention.targets';
import { connectionSchema } from '@app/connection/persistence/connection-schema';
import { type OpenDataSource, type RetentionTarget, RetentionJob, type ServiceSchema, batchDeleteSql, openServiceDataSource } from '@app/persistence';
import { PKI_RETENTION } from '@app/pki/retention/pki-retention.targets';
import { pkiSchema } from '@app/pki/persistence/pki-schema';
import { SMART_CHARGING_RETENTION, smartChargingSchema } from '@app/smart-charging';
import { CONNECTION_SEED, MARKED_TABLES, PKI_SEED, SMART_CHARGING_SEED, countByMark } from '@test/support/retention-fixtures';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { freePort } from '@test/support/free-port';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';

const logger = pino({ level: 'silent' });
const BATCH_ROWS = 50;
const config: Pick<RetentionConfig, 'days' | 'batchRows'> = {
  days: { processedEvents: 30, meterSamples: 30, transactionEvents: 30, audit: 30, history: 30, drawHistory: 30 },
  batchRows: BATCH_ROWS,
};

const SERVICES: [ServiceSchema, readonly RetentionTarget[], string[]][] = [
  [connectionSchema, CONNECTION_RETENTION, CONNECTION_SEED],
  [smartChargingSchema, SMART_CHARGING_RETENTION, SMART_CHARGING_SEED],
  [pkiSchema, PKI_RETENTION, PKI_SEED],
];

/**
 * The retention job of every service against real PostgreSQL, its schemas made by the services'
 * own migrations: exactly the rows older than the retention go, open transactions keep theirs,
 * deletes come in bounded batches that every batch statement can serve from an index, writers
 * keep writing meanwhile, and of two replicas' jobs at once only one deletes.
 */
describe('retention', () => {
  let database: TestDatabase;
  const opened: OpenDataSource[] = [];

  async function open(schema: ServiceSchema): Promise<OpenDataSource> {
    const source = await openServiceDataSource({ kind: 'postgres', url: database.url, poolSize: 3 }, schema, logger);
    opened.push(source);
    return source;
  }

  async function seed(statements: string[]): Promise<void> {
    for (const sql of statements) await database.query(sql);
  }

  beforeAll(async () => {
    database = await createTestDatabase('retention');
  });

  afterAll(async () => {
    for (const source of opened) await source.close();
    await database?.drop();
  });

  it('deletes exactly the rows older than each class retention, in bounded batches, keeping open transactions', async () => {
    const jobs: RetentionJob[] = [];
    for (const [schema, targets, rows] of SERVICES) {
      const source = await open(schema);
      await seed(rows);
      jobs.push(new RetentionJob(source.dataSource, schema.schema, targets, config, undefined, logger));
    }
    const rounds = await Promise.all(jobs.map((job) => job.runOnce()));
    expect(rounds.map((round) => round.outcome)).toEqual(['completed', 'completed', 'completed']);
    const deleted = Object.assign({}, ...rounds.map((round) => round.deleted)) as Record<string, number>;
    const batches = Object.assign({}, ...rounds.map((round) => round.batches)) as Record<string, number>;

    for (const [table, { mark, seeded }] of Object.entries(MARKED_TABLES)) {
      const [left] = await database.query<{ old: number; new: number; keep: number }>(countByMark(table, mark));
      expect({ table, ...left }).toEqual({ table, old: 0, new: seeded.new, keep: seeded.keep });
      expect({ table, deleted: deleted[table] }).toEqual({ table, deleted: seeded.old });
      // A batch ends the table when it comes back short: full batches, then one more.
      expect({ table, batches: batches[table] }).toEqual({ table, batches: Math.floor(seeded.old / BATCH_ROWS) + 1 });
    }
    expect(batches['connection.processed_event']).toBe(5);
    expect(batches['connection.meter_sample']).toBe(3);
    // The transactions themselves (the charge records) stay.
    expect(await database.query(`SELECT transaction_id FROM connection.transaction ORDER BY 1`)).toHaveLength(3);
  });

  it('serves every batch delete of every table from an index, never a scan of the whole table', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('ANALYZE');
      // Sequential scans priced out: a plan that still has one had no index to use instead.
      await client.query('SET enable_seqscan = off');
      for (const target of SERVICES.flatMap(([, targets]) => targets)) {
        const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${batchDeleteSql(target, BATCH_ROWS)}`, [new Date()]);
        const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
        const table = `${target.schema}.${target.table}`;
        // A range scan of the index on the timestamp (btree or BRIN), not a full scan of some other index.
        const rangeScan = new RegExp(`Index Cond: \\((aged\\.)?${target.agedBy} < `).test(text);
        expect({ table, seqScan: /Seq Scan/.test(text), rangeScan, tidScan: /Tid Scan/.test(text) }).toEqual({ table, seqScan: false, rangeScan: true, tidScan: true });
      }
    } finally {
      await client.end();
    }
  });

  it('lets one of two replicas delete while the other skips the round, skips rows a writer holds, and never blocks a writer for long', async () => {
    const [first, second] = [await open(connectionSchema), await open(connectionSchema)];
    const backlog = 6000;
    await database.query(
      `INSERT INTO connection.processed_event (event_id, consumer, processed_at) SELECT 'backlog-' || n, 'c', now() - interval '100 days' FROM generate_series(1, ${backlog}) n`,
    );
    await database.query(`INSERT INTO connection.mutation_audit (actor, actor_roles, credential, method, route, action, path_params, resource_type, at)
      VALUES ('held', '{admin}', 't', 'POST', '/x', 'x', '{}', 'x', now() - interval '100 days')`);
    const targets = CONNECTION_RETENTION.filter((target) => ['processed_event', 'mutation_audit'].includes(target.table));
    const replicaA = new RetentionJob(first.dataSource, 'connection', targets, { ...config, batchRows: 200 }, undefined, logger);
    const replicaB = new RetentionJob(second.dataSource, 'connection', targets, { ...config, batchRows: 200 }, undefined, logger);

    // A writer holding an old row locked: the round must go round it, not wait for it.
    const rowHolder = await connected();
    await rowHolder.query('BEGIN');
    await rowHolder.query(`SELECT event_id FROM connection.processed_event WHERE event_id = 'backlog-1' FOR UPDATE`);
    // A table lock holds replica A inside its round at the audit table (after the whole inbox backlog): a test device only.
    const tableHolder = await connected();
    await tableHolder.query('BEGIN');
    await tableHolder.query('LOCK TABLE connection.mutation_audit IN SHARE MODE');

    // A writer inserting into the table being pruned, timing each insert, for as long as replica A runs.
    let roundOver = false;
    const latencies: number[] = [];
    const writer = (async () => {
      const client = await connected();
      try {
        for (let n = 0; !roundOver; n += 1) {
          const started = performance.now();
          await client.query(`INSERT INTO connection.processed_event (event_id, consumer) VALUES ($1, 'writer')`, [`live-${n}`]);
          latencies.push(performance.now() - started);
        }
      } finally {
        await client.end();
      }
    })();

    const roundA = replicaA.runOnce();
    await waitFor(async () => {
      const [row] = await database.query<{ waiting: boolean }>(
        `SELECT count(*) > 0 AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM "connection"."mutation_audit"%'`,
      );
      return row?.waiting === true;
    });
    const roundB = await replicaB.runOnce();
    expect(roundB).toMatchObject({ outcome: 'skipped', deleted: {}, batches: {} });

    await tableHolder.query('ROLLBACK');
    await tableHolder.end();
    const resultA = await roundA;
    roundOver = true;
    await writer;

    expect(resultA.outcome).toBe('completed');
    expect(resultA.deleted['connection.processed_event']).toBe(backlog - 1);
    expect(resultA.batches['connection.processed_event']).toBe(Math.floor((backlog - 1) / 200) + 1);
    expect(resultA.deleted['connection.mutation_audit']).toBe(1);
    // The row the writer held is still there (a later round takes it), and the round did not wait for it.
    expect(await database.query(`SELECT event_id FROM connection.processed_event WHERE event_id LIKE 'backlog-%'`)).toEqual([{ event_id: 'backlog-1' }]);
    await rowHolder.query('ROLLBACK');
    await rowHolder.end();

    const [live] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM connection.processed_event WHERE consumer = 'writer'`);
    expect(live?.count).toBe(latencies.length);
    expect(latencies.length).toBeGreaterThan(0);
    // Generous for a busy two-core machine: what matters is that no insert waited for the round.
    expect(Math.max(...latencies)).toBeLessThan(2000);
    console.info(`retention e2e: ${latencies.length} inserts during the round, slowest ${Math.max(...latencies).toFixed(1)} ms, round ${resultA.durationMs} ms`);
  });

  async function connected(): Promise<Client> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    return client;
  }
});

/** The job as each service module wires it: the whole system in one process (all three services), on real PostgreSQL. */
describe('retention in the running services', () => {
  let database: TestDatabase;
  let service: ServiceProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'csms-retention-'));

  beforeAll(async () => {
    database = await createTestDatabase('retention_wired');
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prunes every service schema on its interval and reports it under csms_retention_*', async () => {
    service = startService(
      'embedded',
      { DATABASE_URL: database.url, EMBEDDED_DATA_DIR: dataDir, OCPP_WS_PORT: String(await freePort()), RETENTION_INTERVAL_SECONDS: '1', RETENTION_PROCESSED_EVENTS_DAYS: '30', LOG_LEVEL: 'warn' },
      await freePort(),
    );
    await waitUntilReady(service);
    const schemas = ['connection', 'smart_charging', 'pki'];
    for (const schema of schemas) {
      await database.query(`INSERT INTO "${schema}".processed_event (event_id, consumer, processed_at) SELECT 'old-' || n, 'c', now() - interval '31 days' FROM generate_series(1, 7) n`);
    }
    const running = service;
    const metrics = await eventually(
      'every schema pruned and counted',
      async () => {
        const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
        const pruned = schemas.every((schema) => text.includes(`csms_retention_rows_deleted_total{schema="${schema}",table="processed_event",class="processedEvents"} 7`));
        return pruned ? text : undefined;
      },
      60_000,
      [running],
    );
    for (const schema of schemas) {
      expect(metrics).toMatch(new RegExp(`csms_retention_runs_total\\{schema="${schema}",outcome="completed"\\} \\d+`));
      expect(metrics).toMatch(new RegExp(`csms_retention_last_run_duration_seconds\\{schema="${schema}"\\} \\d`));
      expect(metrics).toMatch(new RegExp(`csms_retention_last_run_timestamp_seconds\\{schema="${schema}"\\} \\d{10}`));
      const [left] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${schema}".processed_event WHERE event_id LIKE 'old-%'`);
      expect(left?.count).toBe(0);
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
