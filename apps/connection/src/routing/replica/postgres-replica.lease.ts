import { Client } from 'pg';
import type { Logger } from 'pino';
import { ReplicaClaim, advisoryLockKeys } from './replica-claim';

export interface PostgresLeaseOptions {
  databaseUrl: string;
  topicPrefix: string;
  index: number;
  /** Who this process is, shown to the process that finds the index taken. */
  holderName: string;
  /** How often the lock is tried while not held, and the session kept busy while held. */
  renewMs: number;
  /** A holder that stopped renewing (its host gone without closing the socket) loses the lock after this long. */
  expiryMs: number;
}

/** While another holds the index, the refusal is logged this often (and when it changes). */
const REPEAT_WARNING_MS = 30_000;

/**
 * The replica index as a PostgreSQL session advisory lock on a connection of its own. A holder
 * that dies (SIGKILL, crash) closes its socket and the lock is free at once; one whose host
 * vanishes stops renewing and its session is ended by idle_session_timeout after `expiryMs`,
 * which frees the lock (the lease). A process that finds the index held stays unready and tries
 * again every `renewMs`, so it takes over as soon as the holder is gone (ADR 042).
 */
export class PostgresReplicaLease extends ReplicaClaim {
  private client: Client | undefined;
  private state: 'held' | 'taken' | 'unknown' = 'unknown';
  private everHeld = false;
  private problem = 'not tried yet';
  private lastWarning = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private busy = false;
  private readonly waiters = new Set<() => void>();
  private readonly keys: [number, number];

  constructor(
    private readonly options: PostgresLeaseOptions,
    private readonly logger: Logger,
  ) {
    super();
    this.keys = advisoryLockKeys(options.topicPrefix, options.index);
  }

  get held(): boolean {
    return this.state === 'held';
  }

  get mayHeartbeat(): boolean {
    return this.state === 'held' || (this.state === 'unknown' && this.everHeld);
  }

  describe(): string {
    return this.held ? `holds replica index ${this.options.index}` : this.problem;
  }

  whenHeld(): Promise<void> {
    if (this.held) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
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
    await this.drop();
  }

  private async attempt(): Promise<void> {
    if (this.stopped || this.busy) return;
    this.busy = true;
    try {
      await this.tryOnce();
    } finally {
      this.busy = false;
    }
  }

  private async tryOnce(): Promise<void> {
    try {
      const client = this.client ?? (await this.connect());
      if (this.held) {
        // Keeps the session from idling out: idle_session_timeout is what ends a vanished holder's lease.
        await client.query('SELECT 1');
        return;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', this.keys);
      if (rows[0]?.locked) return this.acquired();
      await this.refused(client);
    } catch (error) {
      this.problem = `could not reach PostgreSQL to claim replica index ${this.options.index}: ${error instanceof Error ? error.message : String(error)}`;
      if (this.state === 'held') this.logger.error({ err: error, replicaIndex: this.options.index }, 'lost the database session holding the replica index; claiming it again');
      this.state = 'unknown';
      await this.drop();
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: this.options.holderName.slice(0, 63), keepAlive: true });
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.logger.warn({ err: error }, 'replica lease connection failed');
      if (this.state === 'held') this.state = 'unknown';
      this.problem = `replica lease connection failed: ${error.message}`;
      void this.drop();
    });
    await client.connect();
    this.client = client;
    // Whole seconds of silence after which the server ends the session, and with it the lock.
    await client.query(`SET idle_session_timeout = ${Math.round(this.options.expiryMs)}`).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'idle_session_timeout unsupported (PostgreSQL < 14): a holder whose host vanishes keeps the index until TCP keepalive ends its session');
    });
    return client;
  }

  private acquired(): void {
    this.state = 'held';
    this.everHeld = true;
    this.problem = '';
    this.logger.info({ replicaIndex: this.options.index }, 'holds its replica index');
    this.waiters.forEach((resolve) => resolve());
    this.waiters.clear();
  }

  private async refused(client: Client): Promise<void> {
    const wasHeld = this.everHeld && this.state !== 'taken';
    this.state = 'taken';
    const holder = await client
      .query<{ name: string; address: string | null }>(
        `SELECT a.application_name AS name, host(a.client_addr) AS address FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2`,
        this.keys,
      )
      .then(({ rows }) => rows[0])
      .catch(() => undefined);
    const by = holder ? ` by ${holder.name || 'an unnamed session'}${holder.address ? ` at ${holder.address}` : ''}` : '';
    this.problem = `replica index ${this.options.index} is held${by}: another live replica has it; not ready until it is released`;
    if (wasHeld || Date.now() - this.lastWarning >= REPEAT_WARNING_MS) {
      this.lastWarning = Date.now();
      this.logger.error({ replicaIndex: this.options.index, holder: holder?.name, holderAddress: holder?.address }, `${this.problem} (two replicas with one index would split its stations' commands; check CONNECTION_REPLICA_INDEX or the pod names)`);
    }
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }
}
