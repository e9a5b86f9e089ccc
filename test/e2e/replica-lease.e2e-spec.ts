import { randomUUID } from 'node:crypto';
import { PostgresReplicaLease } from '@app/connection/routing/replica/postgres-replica.lease';
import { incarnationTag } from '@app/connection/routing/replica/postgres-replica.lease';
import { advisoryLockKeys } from '@app/connection/routing/replica/replica-claim';
import { eventually } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { Client } from 'pg';
import pino from 'pino';

const PREFIX = 'e2e-lease.';
const EXPIRY_MS = 2000;

/**
 * Issue 14 (ADR 042), the replica-index lease on real PostgreSQL, for what two processes cannot
 * easily show: a holder whose host vanished (its socket stays open, it just stops talking) loses
 * the index after the expiry; a holder that lost only its database session takes the index back.
 */
describe('replica index lease', () => {
  let database: TestDatabase;
  const leases: PostgresReplicaLease[] = [];
  const clients: Client[] = [];

  const lease = (index: number, holderName: string, incarnation = randomUUID()) => {
    const created = new PostgresReplicaLease({ databaseUrl: database.url, topicPrefix: PREFIX, index, holderName, incarnation, renewMs: 300, expiryMs: EXPIRY_MS }, pino({ level: 'silent' }));
    leases.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await createTestDatabase('replica_lease');
  });

  afterAll(async () => {
    await Promise.all(leases.map((held) => held.release()));
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await database?.drop();
  });

  it('passes the index on after the expiry when its holder went silent without closing its socket', async () => {
    // The holder as a lease leaves it: the same session settings, the lock, and then silence (its host is gone).
    const frozen = new Client({ connectionString: database.url, application_name: 'frozen holder' });
    clients.push(frozen);
    frozen.on('error', () => undefined);
    await frozen.connect();
    await frozen.query(`SET idle_session_timeout = ${EXPIRY_MS}`);
    expect((await frozen.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', advisoryLockKeys(PREFIX, 3))).rows[0]?.locked).toBe(true);

    const waiting = lease(3, 'waiting replica');
    await waiting.start();
    expect(waiting.held).toBe(false);
    expect(waiting.mayHeartbeat).toBe(false);
    expect(waiting.describe()).toContain('replica index 3 is held by frozen holder');

    const silentSince = Date.now();
    await eventually('the waiting replica to take index 3 over', async () => (waiting.held ? true : undefined), 30_000);
    expect(Date.now() - silentSince).toBeGreaterThanOrEqual(EXPIRY_MS - 500);
    expect(waiting.describe()).toBe('holds replica index 3');
  }, 60_000);

  it('takes its index back after losing its database session, heartbeating meanwhile', async () => {
    const holder = lease(4, 'holder of 4');
    await holder.start();
    expect(holder.held).toBe(true);
    const [pid] = await database.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'holder of 4 #%'`);
    expect(pid).toBeDefined();
    await database.query('SELECT pg_terminate_backend($1)', [pid?.pid]);
    // Whether the loss or the claim again is seen first depends on timing; never is the replica taken for gone.
    let stoppedHeartbeats = false;
    await eventually('the holder to hold index 4 again on a new session', async () => {
      stoppedHeartbeats ||= !holder.mayHeartbeat;
      const [current] = await database.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'holder of 4 #%'`);
      return holder.held && current && current.pid !== pid?.pid ? true : undefined;
    }, 30_000);
    expect(stoppedHeartbeats).toBe(false);
    // And a second process for index 4 is refused.
    const second = lease(4, 'second of 4');
    await second.start();
    expect(second.held).toBe(false);
    expect(second.describe()).toContain('held by holder of 4');
  }, 60_000);

  it('ends its own earlier session that still holds the index (half-open after a network blip) and takes the index back at once', async () => {
    const incarnation = randomUUID();
    // The earlier session as the server still sees it: this incarnation's name, the lock, no client behind it any more.
    const earlier = new Client({ connectionString: database.url, application_name: `holder of 5${incarnationTag(incarnation)}` });
    clients.push(earlier);
    earlier.on('error', () => undefined);
    await earlier.connect();
    expect((await earlier.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', advisoryLockKeys(PREFIX, 5))).rows[0]?.locked).toBe(true);
    const [old] = await database.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`holder of 5${incarnationTag(incarnation)}`]);
    expect(old).toBeDefined();

    const since = Date.now();
    const back = lease(5, 'holder of 5', incarnation);
    await back.start();
    await eventually('the replica to hold index 5 again', async () => (back.held ? true : undefined), 10_000);
    // Well before the expiry would have freed it, and the earlier session is gone.
    expect(Date.now() - since).toBeLessThan(EXPIRY_MS);
    await eventually('the earlier session to be gone', async () => ((await database.query('SELECT pid FROM pg_stat_activity WHERE pid = $1', [old?.pid])).length === 0 ? true : undefined), 10_000);

    // A holder of another incarnation is never ended: that is a clash.
    const other = lease(5, 'other of 5');
    await other.start();
    expect(other.held).toBe(false);
    expect(other.describe()).toContain('held by holder of 5');
    expect(back.held).toBe(true);
  }, 60_000);
});
