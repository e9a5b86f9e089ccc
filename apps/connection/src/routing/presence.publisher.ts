import { randomUUID } from 'node:crypto';
import { createEnvelope, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { StationConnection } from '../gateway/station-connection';
import { StationConnections, type ConnectionChange } from '../gateway/station-connections';
import { StationEventEmitter, protocolByName } from '../station-events/station-event.emitter';
import { ReplicaIdentity } from './replica/replica-identity';

/**
 * Publishes on ocpp.presence which replica holds each station, and which
 * ocpp.commands partition reaches it. Every connection gets an epoch
 * (microseconds since 1970, strictly increasing in this process; replicas'
 * clocks are NTP-close, and reconnects are seconds apart), so the newest
 * connection wins wherever the records arrive from.
 */
const PRESENCE_REFRESH_MS = 5 * 60 * 1000;

@Injectable()
export class PresencePublisher implements OnModuleInit, OnModuleDestroy {
  private lastEpoch = 0n;
  private refresh: NodeJS.Timeout | undefined;
  /** A disconnect carries its connection's epoch: it ends that connection, never a newer one elsewhere. */
  private readonly epochs = new WeakMap<StationConnection, bigint>();
  private readonly logger: Logger;
  private readonly partition: number;
  private readonly incarnation: string;

  constructor(
    private readonly connections: StationConnections,
    private readonly publisher: EnvelopePublisher,
    private readonly events: StationEventEmitter,
    identity: ReplicaIdentity,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.partition = identity.index;
    this.incarnation = identity.incarnation;
    this.logger = logger.child({ component: 'presence' });
  }

  onModuleInit(): void {
    this.connections.onChange((change) => void this.publish(change));
    // Compaction keeps the record with the latest offset, not the highest epoch: a late disconnect
    // from a replica a station left could become its only record. Re-announcing every connection
    // now and then makes the holder's record the latest again.
    this.refresh = setInterval(() => this.connections.forEach((connection) => void this.publish({ kind: 'connected', connection }, false)), PRESENCE_REFRESH_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  private async publish({ kind, connection }: ConnectionChange, newConnection = true): Promise<void> {
    const known = this.epochs.get(connection);
    const epoch = kind === 'connected' && (newConnection || known === undefined) ? this.nextEpoch() : (known ?? this.nextEpoch());
    if (kind === 'connected') this.epochs.set(connection, epoch);
    const envelope = createEnvelope('stationPresence', {
      eventId: randomUUID(),
      stationId: connection.stationId,
      changedAt: timestampFromDate(new Date()),
      body: {
        case: 'state',
        value: {
          replicaId: this.events.replicaId,
          epoch,
          connected: kind === 'connected',
          protocol: protocolByName[connection.protocol] ?? 0,
          securityProfile: connection.securityProfile,
          commandPartition: this.partition,
          incarnation: this.incarnation,
        },
      },
    });
    await this.publisher.publish(Topics.presence, envelope).catch((error: unknown) => {
      this.logger.error({ err: error, stationId: connection.stationId, kind }, 'could not publish presence');
    });
  }

  private nextEpoch(): bigint {
    const now = BigInt(Date.now()) * 1000n;
    this.lastEpoch = now > this.lastEpoch ? now : this.lastEpoch + 1n;
    return this.lastEpoch;
  }
}
