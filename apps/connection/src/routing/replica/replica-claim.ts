import type { OnApplicationShutdown } from '@nestjs/common';

/**
 * This replica's hold on its index (ADR 042): only one live process may consume partition k of
 * ocpp.commands and heartbeat for it. `held` gates readiness; `mayHeartbeat` also covers a lost
 * database session while nobody else has taken the index and the server cannot have given it
 * away yet, so that a short database outage does not make every station of the replica look
 * disconnected. The replica consumes its commands partition while `mayHeartbeat` holds.
 */
export abstract class ReplicaClaim implements OnApplicationShutdown {
  abstract readonly held: boolean;
  abstract readonly mayHeartbeat: boolean;
  /** Why the claim is not held, for /health/ready. */
  abstract describe(): string;
  /** Resolves once the index is held (at once when it already is). */
  abstract whenHeld(): Promise<void>;
  /** Resolves once this process may no longer act as the replica (`mayHeartbeat` turned false). */
  abstract whenLost(): Promise<void>;
  abstract release(): Promise<void>;

  /** Last thing at shutdown: another process may take the index once this one is gone. */
  onApplicationShutdown(): Promise<void> {
    return this.release();
  }
}

/** One process by construction (embedded, or no PostgreSQL to coordinate through): nothing to claim. */
export class SoleReplicaClaim extends ReplicaClaim {
  readonly held = true;
  readonly mayHeartbeat = true;

  describe(): string {
    return 'sole replica';
  }

  async whenHeld(): Promise<void> {}

  /** Never: nobody else can take the index. */
  whenLost(): Promise<void> {
    return new Promise(() => undefined);
  }

  async release(): Promise<void> {}
}

/**
 * The two int4 keys of the advisory lock for replica `index` of the deployment whose Kafka topics
 * carry `topicPrefix`: deployments (and test runs) that share a database never clash.
 */
export function advisoryLockKeys(topicPrefix: string, index: number): [number, number] {
  // FNV-1a, kept non-negative so that it reads the same in pg_locks (an oid).
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`csms.connection-replica:${topicPrefix}`, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [hash & 0x7fffffff, index];
}
