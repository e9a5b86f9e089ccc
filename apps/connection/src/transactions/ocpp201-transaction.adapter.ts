import type { Ocpp201 } from '@app/ocpp';
import { idTokenOf201 } from '../authorization/authorize.adapter';
import { meterReadingsOf201 } from '../metering/meter-values.adapter';
import type { TransactionReport } from './transaction-report';

/** 2.0.1 TransactionEvent; its natural key is the station's transaction id and seqNo. */
export function transactionReportOf201(request: Ocpp201.TransactionEventRequest): TransactionReport {
  const info = request.transactionInfo;
  return {
    messageType: 'TransactionEvent',
    naturalKey: [info.transactionId, request.seqNo],
    transactionId: info.transactionId,
    eventType: request.eventType,
    seqNo: request.seqNo,
    at: new Date(request.timestamp),
    triggerReason: request.triggerReason,
    offline: request.offline ?? false,
    evseId: request.evse?.id,
    connectorId: request.evse?.connectorId,
    idToken: request.idToken ? idTokenOf201(request.idToken) : undefined,
    chargingState: info.chargingState,
    stoppedReason: info.stoppedReason,
    remoteStartId: info.remoteStartId,
    reservationId: request.reservationId,
    meterWh: undefined,
    meterValues: meterReadingsOf201(request.meterValue ?? []),
  };
}

/** idTokenInfo only when the event carried an idToken (2.0.1 E01.FR.xx: the CSMS answers its authorization). */
export function transactionEventAnswerOf201(idTokenInfo: Ocpp201.IdTokenInfoType | undefined): Ocpp201.TransactionEventResponse {
  return idTokenInfo ? { idTokenInfo } : {};
}
