import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { createEnvelope, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { HealthRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { ReplicaClaim } from './replica-claim';
import { ReplicaIdentity } from './replica-identity';

/**
 * Says on ocpp.presence, every PRESENCE_HEARTBEAT_SECONDS, that this replica is alive: its
 * stations count as connected only while this holds (ADR 042). Only the holder of the index
 * beats for it. The replica is ready once its index is held and a heartbeat got out recently.
 */
@Injectable()
export class ReplicaHeartbeatPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private lastBeat = 0;
  /** A heartbeat still on its way (Kafka slow or down): the next one waits rather than piling up behind it. */
  private beating = false;
  private readonly logger: Logger;
  private readonly heartbeatMs: number;
  private readonly expiryMs: number;

  constructor(
    private readonly identity: ReplicaIdentity,
    private readonly claim: ReplicaClaim,
    private readonly publisher: EnvelopePublisher,
    private readonly health: HealthRegistry,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.heartbeatMs = config.presence.heartbeatMs;
    this.expiryMs = config.presence.expiryMs;
    this.logger = logger.child({ component: 'presence', replicaIndex: identity.index });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.announceIndex();
    this.health.register('replica', async () => {
      if (!this.claim.held) return { ok: false, detail: this.claim.describe() };
      const fresh = Date.now() - this.lastBeat < this.expiryMs;
      return { ok: fresh, detail: fresh ? `replica index ${this.identity.index}, heartbeat sent` : 'no heartbeat got out lately' };
    });
    // The first heartbeat goes out before the replica is ready, so its stations never look gone.
    if (this.claim.held) await this.beat();
    else void this.claim.whenHeld().then(() => this.beat());
    this.timer = setInterval(() => void this.beat(), this.heartbeatMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    if (!this.claim.mayHeartbeat || this.beating) return;
    this.beating = true;
    const sentAt = new Date();
    const envelope = createEnvelope('stationPresence', {
      eventId: randomUUID(),
      stationId: `replica/${this.identity.index}`,
      changedAt: timestampFromDate(sentAt),
      body: {
        case: 'heartbeat',
        value: {
          replicaId: this.identity.replicaId,
          commandPartition: this.identity.index,
          incarnation: this.identity.incarnation,
          sentAt: timestampFromDate(sentAt),
          validForMs: this.expiryMs,
        },
      },
    });
    try {
      await this.publisher.publish(Topics.presence, envelope, { untraced: true });
      this.lastBeat = sentAt.getTime();
    } catch (error) {
      this.logger.error({ err: error }, 'could not publish the replica heartbeat');
    } finally {
      this.beating = false;
    }
  }

  /** Where the index came from; a distributed replica that fell back to 0 says so loudly (ADR 042). */
  private announceIndex(): void {
    const { replicaIndex: index, replicaIndexSource: source } = this.config.gateway;
    if (source === 'default' && this.config.messaging.kind === 'kafka') {
      this.logger.warn(
        { replicaIndex: index },
        'CONNECTION_REPLICA_INDEX is unset and the host name ends in no StatefulSet ordinal: this is replica 0; a second replica without an index will be refused (not ready)',
      );
      return;
    }
    this.logger.info({ replicaIndex: index, source }, 'replica index');
  }
}
