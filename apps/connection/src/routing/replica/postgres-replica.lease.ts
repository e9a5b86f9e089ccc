import type { Logger } from 'pino';
import { type LeaseSession, type OpenLeaseSession, openPostgresLeaseSession } from './postgres-lease.session';
import { ReplicaClaim, advisoryLockKeys } from './replica-claim';

export interface PostgresLeaseOptions {
  databaseUrl: string;
  topicPrefix: string;
  index: number;
  /** Who this process is, shown to the process that finds the index taken. */
  holderName: string;
  /** This process's incarnation (ReplicaIdentity): marks its sessions, so that it knows its own earlier one. */
  incarnation: string;
  /** How often the lock is tried while not held, and the session kept busy while held. */
  renewMs: number;
  /** A holder that stopped renewing (its host gone without closing the socket) loses the lock after this long. */
  expiryMs: number;
  /** The database session; PostgreSQL unless a test says otherwise. */
  openSession?: OpenLeaseSession;
}

/** While another holds the index, the refusal is logged this often (and when it changes). */
const REPEAT_WARNING_MS = 30_000;

/**
 * How long a confirmed hold is trusted (the server frees the lock `expiryMs` after the last round
 * trip, idle_session_timeout), and the bound on each round trip, below the renew interval.
 */
export function leaseTimings(renewMs: number, expiryMs: number): { trustedForMs: number; roundTripMs: number } {
  return { trustedForMs: expiryMs - Math.min(renewMs, expiryMs / 4), roundTripMs: Math.max(1, Math.floor(renewMs / 2)) };
}

/** The application_name suffix that marks this incarnation's sessions. */
export function incarnationTag(incarnation: string): string {
  return ` #${incarnation.replace(/-/g, '').slice(0, 12)}`;
}

/**
 * The replica index as a PostgreSQL session advisory lock on a connection of its own. A holder
 * that dies (SIGKILL, crash) closes its socket and the lock is free at once; one whose host
 * vanishes stops renewing and its session is ended by idle_session_timeout after `expiryMs`,
 * which frees the lock (the lease). A process that finds the index held stays unready and tries
 * again every `renewMs`, so it takes over as soon as the holder is gone. The hold counts only
 * while a round trip confirmed it less than `trustedForMs` ago: a holder cut off from the
 * database stops acting as the replica before the server can give the index away (ADR 042).
 */
export class PostgresReplicaLease extends ReplicaClaim {
  private session: LeaseSession | undefined;
  private state: 'held' | 'taken' | 'unknown' = 'unknown';
  /** When the round trip that last confirmed the lock was sent; the server cannot have freed it before this plus `expiryMs`. */
  private confirmedAt: number | undefined;
  private problem = 'not tried yet';
  private lastWarning = 0;
  private timer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The attempt on its way: the next one joins it rather than piling up behind it; release() waits for it. */
  private inFlight: Promise<void> | undefined;
  private readonly heldWaiters = new Set<() => void>();
  private readonly lostWaiters = new Set<() => void>();
  private readonly keys: [number, number];
  private readonly tag: string;
  private readonly timings: { trustedForMs: number; roundTripMs: number };
  private readonly openSession: OpenLeaseSession;

  constructor(
    private readonly options: PostgresLeaseOptions,
    private readonly logger: Logger,
  ) {
    super();
    this.keys = advisoryLockKeys(options.topicPrefix, options.index);
    this.tag = incarnationTag(options.incarnation);
    this.timings = leaseTimings(options.renewMs, options.expiryMs);
    this.openSession = options.openSession ?? openPostgresLeaseSession;
  }

  get held(): boolean {
    return this.state === 'held' && this.confirmedRecently();
  }

  /** Also while the session is lost, as long as the server cannot have given the index to another yet. */
  get mayHeartbeat(): boolean {
    return this.state !== 'taken' && this.confirmedRecently();
  }

  describe(): string {
    if (this.held) return `holds replica index ${this.options.index}`;
    if (this.state === 'held') return `the hold on replica index ${this.options.index} was last confirmed ${Date.now() - (this.confirmedAt ?? 0)} ms ago: another replica may have it by now`;
    return this.problem;
  }

  whenHeld(): Promise<void> {
    if (this.held) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.add(resolve));
  }

  whenLost(): Promise<void> {
    if (!this.mayHeartbeat) return Promise.resolve();
    return new Promise((resolve) => this.lostWaiters.add(resolve));
  }

  /** Makes the first attempt (so that the common case is settled before start-up goes on), then keeps at it. */
  async start(): Promise<void> {
    await this.attempt();
    this.timer = setInterval(() => void this.attempt(), this.options.renewMs);
    this.timer.unref();
  }

  async release(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.expiryTimer);
    await this.inFlight;
    await this.drop();
    this.state = 'unknown';
    this.confirmedAt = undefined;
    this.notifyIfLost();
  }

  private attempt(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.inFlight ??= this.tryOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async tryOnce(): Promise<void> {
    const sentAt = Date.now();
    try {
      const session = this.session ?? (await this.connect());
      if (!session) return;
      if (this.state === 'held') {
        // Keeps the session from idling out: idle_session_timeout is what ends a vanished holder's lease.
        await session.query('SELECT 1');
        return this.confirm(sentAt);
      }
      if (await this.tryLock(session)) return this.acquired(sentAt);
      await this.refused(session);
    } catch (error) {
      this.problem = `could not reach PostgreSQL to claim replica index ${this.options.index}: ${error instanceof Error ? error.message : String(error)}`;
      if (this.state === 'held') this.logger.error({ err: error, replicaIndex: this.options.index }, 'lost the database session holding the replica index; claiming it again');
      this.state = 'unknown';
      await this.drop();
    }
  }

  private async connect(): Promise<LeaseSession | undefined> {
    const applicationName = `${this.options.holderName.slice(0, 63 - this.tag.length)}${this.tag}`;
    const session = await this.openSession({ connectionString: this.options.databaseUrl, applicationName, timeoutMs: this.timings.roundTripMs }, (error) => {
      if (this.session !== session) return;
      this.logger.warn({ err: error }, 'replica lease connection failed');
      if (this.state === 'held') this.state = 'unknown';
      this.problem = `replica lease connection failed: ${error.message}`;
      void this.drop();
    });
    // release() came while connecting: this session must not go on to take the lock.
    if (this.stopped) {
      await session.end();
      return undefined;
    }
    this.session = session;
    // Whole seconds of silence after which the server ends the session, and with it the lock.
    await session.query(`SET idle_session_timeout = ${Math.round(this.options.expiryMs)}`).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'idle_session_timeout unsupported (PostgreSQL < 14): a holder whose host vanishes keeps the index until TCP keepalive ends its session');
    });
    return session;
  }

  private async tryLock(session: LeaseSession): Promise<boolean> {
    const [row] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', this.keys);
    return row?.locked === true;
  }

  private confirm(sentAt: number): void {
    this.confirmedAt = sentAt;
    clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(() => this.expire(), sentAt + this.timings.trustedForMs - Date.now());
    this.expiryTimer.unref();
    // Also a renewal that comes late (the process stalled) but finds the session, and the lock, alive.
    if (!this.held) return;
    this.heldWaiters.forEach((resolve) => resolve());
    this.heldWaiters.clear();
  }

  private confirmedRecently(): boolean {
    return this.confirmedAt !== undefined && Date.now() - this.confirmedAt < this.timings.trustedForMs;
  }

  private expire(): void {
    if (this.mayHeartbeat) return;
    this.logger.error(
      { replicaIndex: this.options.index, unconfirmedForMs: Date.now() - (this.confirmedAt ?? 0) },
      'could not confirm the replica index in time: the database may have given it to another replica; stops acting as this replica until it holds the index again',
    );
    this.notifyIfLost();
  }

  private notifyIfLost(): void {
    if (this.mayHeartbeat) return;
    this.lostWaiters.forEach((resolve) => resolve());
    this.lostWaiters.clear();
  }

  private acquired(sentAt: number): void {
    this.state = 'held';
    this.problem = '';
    this.logger.info({ replicaIndex: this.options.index }, 'holds its replica index');
    this.confirm(sentAt);
  }

  private async refused(session: LeaseSession): Promise<void> {
    const holder = await this.holder(session);
    // Our own session from before a network failure, half-open and not yet timed out: end it and take the index back at once.
    if (holder?.name.endsWith(this.tag)) return this.reclaimFromOwnSession(session, holder.pid);
    const wasHeld = this.confirmedAt !== undefined && this.state !== 'taken';
    this.state = 'taken';
    this.notifyIfLost();
    const by = holder ? ` by ${holder.name || 'an unnamed session'}${holder.address ? ` at ${holder.address}` : ''}` : '';
    this.problem = `replica index ${this.options.index} is held${by}: another live replica has it; not ready until it is released`;
    if (wasHeld || Date.now() - this.lastWarning >= REPEAT_WARNING_MS) {
      this.lastWarning = Date.now();
      this.logger.error({ replicaIndex: this.options.index, holder: holder?.name, holderAddress: holder?.address }, `${this.problem} (two replicas with one index would split its stations' commands; check CONNECTION_REPLICA_INDEX or the pod names)`);
    }
  }

  private async holder(session: LeaseSession): Promise<{ pid: number; name: string; address: string | null } | undefined> {
    const rows = await session
      .query<{ pid: number; name: string; address: string | null }>(
        `SELECT a.pid, a.application_name AS name, host(a.client_addr) AS address FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2`,
        this.keys,
      )
      .catch(() => []);
    return rows[0];
  }

  private async reclaimFromOwnSession(session: LeaseSession, pid: number): Promise<void> {
    this.logger.warn({ replicaIndex: this.options.index, pid }, 'an earlier database session of this process still holds the replica index; ending it');
    this.state = 'unknown';
    this.problem = `replica index ${this.options.index} is still held by an earlier session of this process (pid ${pid}); ending it`;
    const sentAt = Date.now();
    await session.query('SELECT pg_terminate_backend($1)', [pid]);
    // The backend frees the lock as it exits, which may take a moment: else the next attempt takes it.
    if (await this.tryLock(session)) this.acquired(sentAt);
  }

  private async drop(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await session.end().catch(() => undefined);
  }
}
