import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { OcppVersion, createEnvelope, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { Injectable } from '@nestjs/common';

export interface ConnectedDetails {
  protocol: OcppVersion;
  securityProfile: number;
}

/** Publishes what happens to stations as version-neutral events on ocpp.events. */
@Injectable()
export class StationEventEmitter {
  private readonly replicaId = hostname();

  constructor(private readonly publisher: EnvelopePublisher) {}

  /** Resolves with the event id once the event is durable. */
  async connected(stationId: string, details: ConnectedDetails, correlationId = randomUUID()): Promise<string> {
    const eventId = randomUUID();
    await this.publisher.publish(
      Topics.events,
      createEnvelope('stationEvent', {
        eventId,
        stationId,
        correlationId,
        occurredAt: timestampFromDate(new Date()),
        body: { case: 'connected', value: { ...details, replicaId: this.replicaId } },
      }),
    );
    return eventId;
  }
}

export const protocolByName: Record<string, OcppVersion> = {
  'ocpp1.6': OcppVersion.OCPP_VERSION_1_6,
  'ocpp2.0.1': OcppVersion.OCPP_VERSION_2_0_1,
};
