import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { OcppVersion, createEnvelope, encodeEnvelope, timestampFromDate } from '@app/contracts';
import { OcppErrorKind, OcppRpcError } from '@app/ocpp';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { StationEventBody } from './event-body';
import { OncePerEventId } from './once-per-event-id';

export interface ConnectedDetails {
  protocol: OcppVersion;
  securityProfile: number;
  /** The lowest profile the station's registration allows. */
  minimumSecurityProfile?: number;
}

export interface EventIdentity {
  /** Derived from the station message for events that must dedupe across retries (event-id.ts); random otherwise. */
  eventId?: string;
  /** When it happened; defaults to now. */
  occurredAt?: Date;
  correlationId?: string;
}

/**
 * Publishes what happens to stations as version-neutral events on ocpp.events. An event id is
 * produced once per process (see OncePerEventId): a retried station message joins the publish
 * of its first attempt, or finds it acknowledged, instead of adding a second record.
 */
@Injectable()
export class StationEventEmitter {
  readonly replicaId = hostname();
  private readonly once = new OncePerEventId();

  constructor(private readonly publisher: EnvelopePublisher) {}

  /** Resolves with the event id once the event is durable. */
  connected(stationId: string, details: ConnectedDetails, correlationId?: string): Promise<string> {
    return this.publish(stationId, { case: 'connected', value: { ...details, replicaId: this.replicaId } }, { correlationId });
  }

  disconnected(stationId: string, reason: string): Promise<string> {
    return this.publish(stationId, { case: 'disconnected', value: { reason, replicaId: this.replicaId } });
  }

  /** A security event the CSMS raised itself (refused connection, downgrade attempt, ...). */
  securityEvent(stationId: string, type: string, techInfo: string): Promise<string> {
    const raisedAt = new Date();
    return this.publish(
      stationId,
      { case: 'securityEvent', value: { type, techInfo: techInfo.slice(0, 255), raisedByCsms: true, raisedAt: timestampFromDate(raisedAt) } },
      { occurredAt: raisedAt },
    );
  }

  /**
   * Publishes any station event; resolves with its id once it is durable (Kafka: acknowledged by
   * all in-sync replicas). An event with a derived id that is being published or was published
   * recently is not produced again; its first publish is what durability means for it.
   */
  async publish(stationId: string, body: StationEventBody, identity: EventIdentity = {}): Promise<string> {
    const eventId = identity.eventId ?? randomUUID();
    const correlationId = identity.correlationId ?? eventId;
    const occurredAt = timestampFromDate(identity.occurredAt ?? new Date());
    const produce = () => this.publisher.publish(Topics.events, createEnvelope('stationEvent', { eventId, stationId, correlationId, occurredAt, body }));
    // Random ids cannot repeat: only derived ones need the bookkeeping.
    await (identity.eventId === undefined ? produce() : this.once.run(eventId, produce));
    return eventId;
  }

  /**
   * For messages answered before their event is durable (boot, status, heartbeat, ...): publishes
   * in the background and logs a failure, which then loses only that event.
   */
  publishInBackground(stationId: string, body: StationEventBody, logger: Logger, identity: EventIdentity = {}): void {
    this.publish(stationId, body, identity).catch((error: unknown) => logger.error({ err: error, event: body.case }, 'could not publish a station event'));
  }

  /**
   * publishInBackground for a station message answered before its event is durable: the event is
   * encoded first, and one the contract cannot carry (a negative evseId in a uint32) refuses the
   * message with PropertyConstraintViolation. Once answered, such an event could only be logged
   * and lost (found by the gateway fuzz).
   */
  publishAnswered(stationId: string, body: StationEventBody, logger: Logger, identity: EventIdentity = {}): void {
    try {
      encodeEnvelope('stationEvent', createEnvelope('stationEvent', { eventId: 'check', stationId, correlationId: 'check', occurredAt: timestampFromDate(new Date()), body }));
    } catch (error) {
      logger.debug({ err: error, event: body.case }, 'a station message holds a value its event cannot carry');
      throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, `a value of the message is out of the range this CSMS accepts (${body.case})`);
    }
    this.publishInBackground(stationId, body, logger, identity);
  }
}

export const protocolByName: Record<string, OcppVersion> = {
  'ocpp1.6': OcppVersion.OCPP_VERSION_1_6,
  'ocpp2.0.1': OcppVersion.OCPP_VERSION_2_0_1,
};
