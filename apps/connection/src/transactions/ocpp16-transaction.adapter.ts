import type { Ocpp16 } from '@app/ocpp';
import { type IdTagInfo, idTokenOf16 } from '../authorization/authorize.adapter';
import { meterReadingsOf16 } from '../metering/meter-values.adapter';
import type { TransactionReport } from './transaction-report';

/**
 * 1.6 StartTransaction as the Started event (seqNo 0) of a transaction whose id the CSMS
 * assigns. Its natural key (connector, time, idTag, meterStart) lets a retry find the id given
 * the first time; meterStart keeps apart two sessions whose unsynchronised clocks gave the same time.
 */
export function startReportOf16(request: Ocpp16.StartTransactionRequest): TransactionReport {
  const at = new Date(request.timestamp);
  return {
    messageType: 'StartTransaction',
    naturalKey: [request.connectorId, at.toISOString(), request.idTag, request.meterStart],
    transactionId: undefined,
    eventType: 'Started',
    seqNo: 0,
    at,
    triggerReason: '',
    offline: false,
    evseId: request.connectorId,
    connectorId: 1,
    idToken: idTokenOf16(request.idTag),
    chargingState: undefined,
    stoppedReason: undefined,
    remoteStartId: undefined,
    reservationId: request.reservationId,
    meterWh: request.meterStart,
    meterValues: [],
  };
}

/** 1.6 StopTransaction as the Ended event (seqNo 1); the transactionData become its meter values. */
export function stopReportOf16(request: Ocpp16.StopTransactionRequest): TransactionReport {
  return {
    messageType: 'StopTransaction',
    naturalKey: [request.transactionId],
    transactionId: String(request.transactionId),
    eventType: 'Ended',
    seqNo: 1,
    at: new Date(request.timestamp),
    triggerReason: '',
    offline: false,
    evseId: undefined,
    connectorId: undefined,
    idToken: request.idTag === undefined ? undefined : idTokenOf16(request.idTag),
    chargingState: undefined,
    stoppedReason: request.reason,
    remoteStartId: undefined,
    meterWh: request.meterStop,
    meterValues: meterReadingsOf16(request.transactionData ?? []),
  };
}

export function startAnswerOf16(transactionId: string, idTagInfo: IdTagInfo): Ocpp16.StartTransactionResponse {
  return { idTagInfo, transactionId: Number(transactionId) };
}

/** idTagInfo only when the station stopped with an idTag (1.6 §6.49). */
export function stopAnswerOf16(idTagInfo: IdTagInfo | undefined): Ocpp16.StopTransactionResponse {
  return idTagInfo ? { idTagInfo } : {};
}
