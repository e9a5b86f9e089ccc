import { type LockQuery, releaseMigrationLock, takeMigrationLock } from '@app/persistence';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { Client } from 'pg';

const KEY = 'csms:migrations:lock-test';

/**
 * Regression: replicas starting together waited for the migration lock with pg_advisory_lock while
 * the holder ran CREATE INDEX CONCURRENTLY, which waits for every older snapshot, the waiters'
 * included: all of them hung until the startup probes killed them. Waiters now poll.
 */
describe('the migration lock across replicas', () => {
  let database: TestDatabase;
  const clients: Client[] = [];

  const connect = async (): Promise<Client> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const pidOf = async (client: Client): Promise<number> => ((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
  const queryOn =
    (client: Client): LockQuery =>
    async (sql, params) =>
      (await client.query(sql, params)).rows as Array<Record<string, unknown>>;

  beforeAll(async () => {
    database = await createTestDatabase('migration_lock');
    await database.query('CREATE TABLE sample (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    await database.query('INSERT INTO sample (at) SELECT now() - g * interval \'1 minute\' FROM generate_series(1, 1000) g');
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await database.drop();
  });

  it('lets the holder build an index concurrently while another replica waits, then hands the lock over', async () => {
    const holder = await connect();
    const waiter = await connect();
    const waiterPid = await pidOf(waiter);
    await takeMigrationLock(queryOn(holder), KEY);
    let waiting = false;
    const waited = takeMigrationLock(queryOn(waiter), KEY, () => (waiting = true), 50);
    const until = Date.now() + 30_000;
    while (!waiting && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(waiting).toBe(true);

    // Bounded, so a regression fails here instead of hanging the run.
    await holder.query("SET statement_timeout = '60s'");
    await holder.query('CREATE INDEX CONCURRENTLY sample_at ON sample (at)');
    const [index] = await database.query<{ valid: boolean }>("SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'sample_at'::regclass");
    expect(index?.valid).toBe(true);

    await releaseMigrationLock(queryOn(holder), KEY);
    await waited;
    const [held] = await database.query<{ count: string }>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1", [waiterPid]);
    expect(Number(held?.count)).toBe(1);
    await releaseMigrationLock(queryOn(waiter), KEY);
  });

  it('shows why: with a waiter blocked in pg_advisory_lock, the holder\'s CREATE INDEX CONCURRENTLY and that waiter cannot both get through', async () => {
    const holder = await connect();
    const blocked = await connect();
    const blockedPid = await pidOf(blocked);
    await takeMigrationLock(queryOn(holder), KEY);
    const blockedWait = blocked.query('SELECT pg_advisory_lock(hashtext($1))', [KEY]);
    const until = Date.now() + 30_000;
    const isWaiting = async () => (await database.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [blockedPid])).length > 0;
    while (!(await isWaiting()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));

    // Each waits for the other: PostgreSQL either aborts the waiter as a deadlock (a replica that
    // fails its start) or, where it cannot see the cycle, the index build hangs (here: times out).
    await holder.query("SET statement_timeout = '5s'");
    const [build, wait] = await Promise.allSettled([holder.query('CREATE INDEX CONCURRENTLY sample_id_at ON sample (id, at)'), blockedWait]);
    const failures = [build, wait].flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as { code?: string }).code] : []));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((code) => code === '40P01' || code === '57014')).toBe(true);
    await holder.query('DROP INDEX IF EXISTS sample_id_at');
    await releaseMigrationLock(queryOn(holder), KEY);
    if (wait.status === 'fulfilled') await blocked.query('SELECT pg_advisory_unlock(hashtext($1))', [KEY]);
  });
});
