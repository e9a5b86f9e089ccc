import pino from 'pino';
import type { LeaseSession, LeaseSessionSettings, OpenLeaseSession } from './postgres-lease.session';
import { PostgresReplicaLease, incarnationTag, leaseTimings } from './postgres-replica.lease';

const RENEW_MS = 5000;
const EXPIRY_MS = 20_000;
const INCARNATION = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const { trustedForMs } = leaseTimings(RENEW_MS, EXPIRY_MS);

/** A PostgreSQL as far as the lease sees it: one advisory lock, sessions with a pid each, and a switch to cut the network. */
class FakeDatabase {
  reachable = true;
  /** Nothing answers (a half-open socket): connecting and round trips fail after the lease's timeout, as pg makes them. */
  hang = false;
  holder: { pid: number; name: string } | undefined;
  readonly settings: LeaseSessionSettings[] = [];
  readonly terminated: number[] = [];
  readonly ended: number[] = [];
  private nextPid = 100;

  readonly open: OpenLeaseSession = async (settings) => {
    if (this.hang) await this.silence(settings.timeoutMs, 'timeout expired');
    if (!this.reachable) throw new Error('connect ETIMEDOUT');
    this.settings.push(settings);
    return this.session(this.nextPid++, settings);
  };

  private silence(timeoutMs: number, message: string): Promise<never> {
    return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), timeoutMs));
  }

  private session(pid: number, { applicationName: name, timeoutMs }: LeaseSessionSettings): LeaseSession {
    return {
      end: async () => {
        this.ended.push(pid);
        if (this.holder?.pid === pid) this.holder = undefined;
      },
      query: async <R>(text: string, values?: unknown[]): Promise<R[]> => {
        if (this.hang) return this.silence(timeoutMs, 'Query read timeout');
        if (!this.reachable) throw new Error('Query read timeout');
        return this.answer(pid, name, text, values) as R[];
      },
    };
  }

  private answer(pid: number, name: string, text: string, values?: unknown[]): unknown[] {
    if (text.includes('pg_try_advisory_lock')) {
      this.holder ??= { pid, name };
      return [{ locked: this.holder.pid === pid }];
    }
    if (text.includes('pg_locks')) return this.holder ? [{ ...this.holder, address: '10.0.0.9' }] : [];
    if (text.includes('pg_terminate_backend')) {
      this.terminated.push(Number(values?.[0]));
      if (this.holder?.pid === values?.[0]) this.holder = undefined;
      return [{ pg_terminate_backend: true }];
    }
    return [];
  }
}

function leaseOn(database: FakeDatabase, open: OpenLeaseSession = database.open): PostgresReplicaLease {
  return new PostgresReplicaLease(
    { databaseUrl: 'postgres://fake', topicPrefix: 'unit.', index: 2, holderName: 'replica 2 on pod-a', incarnation: INCARNATION, renewMs: RENEW_MS, expiryMs: EXPIRY_MS, openSession: open },
    pino({ level: 'silent' }),
  );
}

describe('PostgresReplicaLease', () => {
  jest.setTimeout(10_000);
  const leases: PostgresReplicaLease[] = [];
  const started = async (lease: PostgresReplicaLease) => {
    leases.push(lease);
    await lease.start();
    return lease;
  };

  beforeEach(() => jest.useFakeTimers());
  afterEach(async () => {
    // release() waits for an attempt in flight, which ends by its (fake) timeout.
    const released = Promise.all(leases.splice(0).map((lease) => lease.release()));
    await jest.advanceTimersByTimeAsync(RENEW_MS);
    await released;
    jest.useRealTimers();
  });

  it('bounds connecting and every round trip below the renew interval, and names its incarnation in application_name', async () => {
    const database = new FakeDatabase();
    await started(leaseOn(database));
    const [settings] = database.settings;
    expect(settings?.timeoutMs).toBeGreaterThan(0);
    expect(settings?.timeoutMs).toBeLessThan(RENEW_MS);
    expect(settings?.applicationName.endsWith(incarnationTag(INCARNATION))).toBe(true);
    expect(settings?.applicationName.length).toBeLessThanOrEqual(63);
  });

  it('trusts a hold for less than the expiry but longer than a renew interval, also at the shortest expiry allowed', () => {
    for (const [renewMs, expiryMs] of [[RENEW_MS, EXPIRY_MS], [1000, 2000], [300, 2000]] as const) {
      const timings = leaseTimings(renewMs, expiryMs);
      expect(timings.trustedForMs).toBeLessThan(expiryMs);
      expect(timings.trustedForMs).toBeGreaterThanOrEqual(renewMs + timings.roundTripMs);
      expect(timings.roundTripMs).toBeLessThan(renewMs);
    }
  });

  it('stops heartbeating and reports the index lost before the expiry when the database stops answering (half-open socket)', async () => {
    const database = new FakeDatabase();
    const lease = await started(leaseOn(database));
    expect(lease.held).toBe(true);
    let lost = false;
    void lease.whenLost().then(() => (lost = true));

    database.hang = true;
    const cutAt = Date.now();
    await jest.advanceTimersByTimeAsync(trustedForMs - 1);
    expect(lease.mayHeartbeat).toBe(true);
    expect(lost).toBe(false);

    await jest.advanceTimersByTimeAsync(1);
    expect(Date.now() - cutAt).toBeLessThan(EXPIRY_MS);
    expect(lease.mayHeartbeat).toBe(false);
    expect(lease.held).toBe(false);
    expect(lost).toBe(true);
    expect(lease.describe()).toContain('could not reach PostgreSQL');
  });

  it('holds again, and says so to whoever waits, when a late renewal finds its session and lock still alive (the process stalled)', async () => {
    const database = new FakeDatabase();
    const lease = await started(leaseOn(database));
    let heldAgain = false;
    // The clock moves on while no timer runs: an event loop blocked past the trusted time.
    jest.setSystemTime(Date.now() + trustedForMs);
    expect(lease.held).toBe(false);
    void lease.whenHeld().then(() => (heldAgain = true));

    await jest.advanceTimersByTimeAsync(RENEW_MS);
    expect(lease.held).toBe(true);
    expect(heldAgain).toBe(true);
  });

  it('keeps heartbeating through a short database outage, and stops before the server can have freed the lock', async () => {
    const database = new FakeDatabase();
    const lease = await started(leaseOn(database));
    database.reachable = false;
    await jest.advanceTimersByTimeAsync(RENEW_MS);
    expect(lease.held).toBe(false);
    expect(lease.mayHeartbeat).toBe(true);
    await jest.advanceTimersByTimeAsync(EXPIRY_MS - RENEW_MS - 1);
    expect(lease.mayHeartbeat).toBe(false);
  });

  it('ends its own earlier session that still holds the index and takes the index back at once, heartbeating throughout', async () => {
    const database = new FakeDatabase();
    const lease = await started(leaseOn(database));
    const [first] = database.settings;
    // A blip: the old session is half-open (the server still has it and its lock), the lease reconnects.
    database.reachable = false;
    await jest.advanceTimersByTimeAsync(RENEW_MS);
    database.reachable = true;
    database.holder = { pid: 100, name: first?.applicationName ?? '' };
    await jest.advanceTimersByTimeAsync(RENEW_MS);

    expect(database.terminated).toEqual([100]);
    expect(lease.held).toBe(true);
    expect(lease.mayHeartbeat).toBe(true);
  });

  it('does not end a session of another process holding the index: that is a clash, and it stops heartbeating at once', async () => {
    const database = new FakeDatabase();
    const lease = await started(leaseOn(database));
    database.reachable = false;
    await jest.advanceTimersByTimeAsync(RENEW_MS);
    database.reachable = true;
    database.holder = { pid: 999, name: `replica 2 on pod-b${incarnationTag('ffffffff-0000-0000-0000-000000000000')}` };
    await jest.advanceTimersByTimeAsync(RENEW_MS);

    expect(database.terminated).toEqual([]);
    expect(lease.mayHeartbeat).toBe(false);
    expect(lease.describe()).toContain('is held by replica 2 on pod-b');
  });

  it('closes a session that connects after release(), so that no lock outlives the process', async () => {
    const database = new FakeDatabase();
    let connected!: () => void;
    const slowOpen: OpenLeaseSession = async (settings, onError) => {
      await new Promise<void>((resolve) => (connected = resolve));
      return database.open(settings, onError);
    };
    const lease = leaseOn(database, slowOpen);
    const starting = lease.start();
    const releasing = lease.release();
    connected();
    await Promise.all([starting, releasing]);

    expect(database.ended).toEqual([100]);
    expect(database.holder).toBeUndefined();
    expect(lease.held).toBe(false);
  });
});
