import { hostname } from 'node:os';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { ROOT_LOGGER } from '@app/observability';
import type { Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { PostgresReplicaLease } from './postgres-replica.lease';
import { ReplicaClaim, SoleReplicaClaim } from './replica-claim';
import { ReplicaIdentity } from './replica-identity';

/**
 * Replicas coordinate through PostgreSQL when there can be several (Kafka between them); the
 * embedded process, or one without PostgreSQL, is alone by construction.
 */
export const replicaClaimProvider: Provider = {
  provide: ReplicaClaim,
  inject: [RUNTIME_CONFIG, ROOT_LOGGER, ReplicaIdentity],
  useFactory: async (config: RuntimeConfig, rootLogger: Logger, identity: ReplicaIdentity): Promise<ReplicaClaim> => {
    const { messaging, database, gateway, presence } = config;
    if (messaging.kind !== 'kafka' || database.kind !== 'postgres') return new SoleReplicaClaim();
    const lease = new PostgresReplicaLease(
      {
        databaseUrl: database.url,
        topicPrefix: messaging.topicPrefix,
        index: gateway.replicaIndex,
        holderName: `csms-connection replica ${gateway.replicaIndex} on ${hostname()} pid ${process.pid}`,
        incarnation: identity.incarnation,
        renewMs: presence.heartbeatMs,
        expiryMs: presence.expiryMs,
      },
      rootLogger.child({ component: 'replica-lease', replicaIndex: gateway.replicaIndex }),
    );
    await lease.start();
    return lease;
  },
};
