import { assertStorableIntegers } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import { AuthorizationService } from '../authorization/authorization.service';
import type { AuthorizationDecision, AuthorizationStatus, IdTokenRef } from '../authorization/id-token';
import type { CallContext } from '../gateway/call-handler.registry';
import { meterValuesEvent } from '../metering/meter-values.events';
import { normaliseMeterValues } from '../metering/sample-normaliser';
import { type Admission, ReservationEnforcer } from '../reservations/reservation.enforcer';
import { DurableAcknowledgement, type PendingEvent } from '../station-events/durable-acknowledgement';
import { derivedEventId } from '../station-events/event-id';
import type { TransactionReport } from './transaction-report';
import { TransactionRecorder } from './transaction.recorder';
import { transactionChangedEvent } from './transaction.events';

export interface TransactionOutcome {
  transactionId: string;
  /** Present when the message carried an id token. */
  authorization: AuthorizationDecision | undefined;
}

const AUTHORIZATION_STATUSES: ReadonlySet<string> = new Set<AuthorizationStatus>([
  'Accepted',
  'Blocked',
  'ConcurrentTx',
  'Expired',
  'Invalid',
  'NoCredit',
  'NotAllowedTypeEVSE',
  'NotAtThisLocation',
  'NotAtThisTime',
  'Unknown',
]);

const isAuthorizationStatus = (value: string | undefined): value is AuthorizationStatus => value !== undefined && AUTHORIZATION_STATUSES.has(value);

/**
 * Every transaction message of both versions (1.6 Start/StopTransaction, 2.0.1 TransactionEvent)
 * in one place: authorize the id token, store (acknowledge after durability), publish
 * `transaction` and, with meter values, `meter_values` under ids derived from the message, and
 * only then answer. A retry finds its rows and its ids again and gets the same answer.
 */
@Injectable()
export class TransactionMessageHandler {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly recorder: TransactionRecorder,
    private readonly durability: DurableAcknowledgement,
    private readonly reservations: ReservationEnforcer,
  ) {}

  async handle(context: CallContext, report: TransactionReport): Promise<TransactionOutcome> {
    const { stationId, logger } = context;
    const action = report.messageType;
    // The schemas bound none of these; a negative one (1.6 connectorId -1) can be neither stored nor published, and
    // failing after the writes would withhold the answer for ever. Refused first, nothing stored.
    assertStorableIntegers({
      evseId: report.evseId,
      connectorId: report.connectorId,
      seqNo: report.seqNo,
      reservationId: report.reservationId,
      remoteStartId: report.remoteStartId,
    });
    const { samples, refused } = normaliseMeterValues(report.meterValues);
    if (refused.length > 0) logger.warn({ action, refused: refused.slice(0, 5), count: refused.length }, 'meter values the CSMS cannot read were not stored');
    const token = report.idToken;
    const admission = token ? await this.durability.store(logger, action, () => this.admit(stationId, report, token)) : undefined;
    const decision = admission?.decision;
    const eventId = derivedEventId(stationId, action, report.naturalKey);
    const recorded = await this.durability.store(logger, action, () => this.recorder.record(stationId, report, samples, decision?.status, eventId));
    const { transactionId, state } = recorded;
    const usedReservation = admission?.reservationId;
    if (usedReservation !== undefined) await this.durability.store(logger, action, () => this.reservations.markUsed(usedReservation, stationId, transactionId));

    const events: PendingEvent[] = [{ body: transactionChangedEvent(transactionId, report, state), identity: { eventId, occurredAt: report.at } }];
    if (samples.length > 0) {
      const meterEventId = derivedEventId(stationId, `${action}.meterValues`, report.naturalKey);
      events.push({
        body: meterValuesEvent(transactionId, state.evseId ?? report.evseId ?? 0, samples),
        identity: { eventId: meterEventId, occurredAt: samples[0]?.at },
      });
    }
    await this.durability.publish(stationId, logger, action, events);

    const logged = { action, transactionId, eventType: report.eventType, seqNo: report.seqNo, duplicate: recorded.duplicate, startSeen: state.startSeen };
    if (report.eventType === 'Updated') logger.debug(logged, 'transaction updated');
    else logger.info({ ...logged, energyWh: state.energyWh }, `transaction ${report.eventType.toLowerCase()}`);
    // A retry is answered with the authorization of its first attempt.
    const answered = isAuthorizationStatus(recorded.idTokenStatus) ? recorded.idTokenStatus : decision?.status;
    return { transactionId, authorization: decision && answered ? { ...decision, status: answered } : decision };
  }

  /** The token's decision; where a transaction starts on an EVSE, reservations there apply too. */
  private async admit(stationId: string, report: TransactionReport, token: IdTokenRef): Promise<Admission> {
    const decision = await this.authorization.decide(token);
    if (report.eventType === 'Ended' || report.evseId === undefined) return { decision, reservationId: undefined };
    return this.reservations.atStart(stationId, { evseId: report.evseId, reservationId: report.reservationId }, token, decision);
  }
}
