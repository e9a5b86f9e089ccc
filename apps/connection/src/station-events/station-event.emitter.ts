import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type MessageInitShape } from '@bufbuild/protobuf';
import { OcppVersion, StationEventSchema, createEnvelope, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { Injectable } from '@nestjs/common';

export interface ConnectedDetails {
  protocol: OcppVersion;
  securityProfile: number;
}

type EventBody = MessageInitShape<typeof StationEventSchema>['body'];

/** Publishes what happens to stations as version-neutral events on ocpp.events. */
@Injectable()
export class StationEventEmitter {
  readonly replicaId = hostname();

  constructor(private readonly publisher: EnvelopePublisher) {}

  /** Resolves with the event id once the event is durable. */
  connected(stationId: string, details: ConnectedDetails, correlationId?: string): Promise<string> {
    return this.emit(stationId, { case: 'connected', value: { ...details, replicaId: this.replicaId } }, correlationId);
  }

  disconnected(stationId: string, reason: string): Promise<string> {
    return this.emit(stationId, { case: 'disconnected', value: { reason, replicaId: this.replicaId } });
  }

  /** A security event the CSMS raised itself (refused connection, downgrade attempt, ...). */
  securityEvent(stationId: string, type: string, techInfo: string): Promise<string> {
    return this.emit(stationId, { case: 'securityEvent', value: { type, techInfo: techInfo.slice(0, 255), raisedByCsms: true } });
  }

  private async emit(stationId: string, body: EventBody, correlationId: string = randomUUID()): Promise<string> {
    const eventId = randomUUID();
    await this.publisher.publish(
      Topics.events,
      createEnvelope('stationEvent', { eventId, stationId, correlationId, occurredAt: timestampFromDate(new Date()), body }),
    );
    return eventId;
  }
}

export const protocolByName: Record<string, OcppVersion> = {
  'ocpp1.6': OcppVersion.OCPP_VERSION_1_6,
  'ocpp2.0.1': OcppVersion.OCPP_VERSION_2_0_1,
};
