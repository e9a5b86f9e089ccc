import type { JsonObject, Ocpp16 } from '@app/ocpp';
import { type Reading, type ReadingContext, readingsOf } from '../transactions/meter-readings';
import type {
  ActiveTransaction,
  BootReason,
  BootResult,
  ConnectorStatus,
  MeterSample,
  MeterTrigger,
  StationIdentity,
  StopReason,
  TransactionStart,
  TransactionStop,
} from '../station/station-model';
import { type OutgoingCall, type StartedResult, type StationDialect, contextOfTrigger, isoTime } from './station-dialect';

type MeterValue16 = Ocpp16.MeterValuesRequest['meterValue'][number];
type SampledValue16 = MeterValue16['sampledValue'][number];

const stopReasons: Readonly<Record<StopReason, NonNullable<Ocpp16.StopTransactionRequest['reason']>>> = {
  Local: 'Local',
  Remote: 'Remote',
  EVDisconnected: 'EVDisconnected',
  DeAuthorized: 'DeAuthorized',
  HardReset: 'HardReset',
  SoftReset: 'SoftReset',
  Reboot: 'Reboot',
  UnlockCommand: 'UnlockCommand',
  Other: 'Other',
};

function call<A extends keyof Ocpp16.RequestByAction>(action: A, payload: Ocpp16.RequestByAction[A]): OutgoingCall {
  return { action, payload };
}

function sampledValue(reading: Reading, context: ReadingContext): SampledValue16 {
  const value: SampledValue16 = { value: String(reading.value), context, measurand: reading.measurand, unit: reading.unit };
  return reading.phase === undefined ? value : { ...value, phase: reading.phase };
}

function meterValue(sample: MeterSample, context: ReadingContext): MeterValue16 {
  return { timestamp: isoTime(sample.timestamp), sampledValue: readingsOf(sample).map((reading) => sampledValue(reading, context)) };
}

function transactionNumber(transaction: ActiveTransaction): number {
  return Number(transaction.transactionId ?? -1);
}

/** OCPP 1.6J: connectors, idTags, CSMS-assigned integer transaction ids, string meter values. */
export const ocpp16Dialect: StationDialect = {
  version: '1.6',
  stationAssignsTransactionIds: false,
  allowedRateUnits: 'Current,Power',
  reportsRateChanges: false,
  reportedStatus: (status: ConnectorStatus) => status,

  bootNotification(identity: StationIdentity, _reason: BootReason): OutgoingCall {
    return call('BootNotification', {
      chargePointVendor: identity.vendor,
      chargePointModel: identity.model,
      chargePointSerialNumber: identity.serialNumber,
      firmwareVersion: identity.firmwareVersion,
    });
  },

  bootResult(response: JsonObject): BootResult {
    const { status, interval } = response as unknown as Ocpp16.BootNotificationResponse;
    return { status, intervalS: interval };
  },

  heartbeat: () => call('Heartbeat', {}),

  statusNotification(evseId: number, status: ConnectorStatus, at: number): OutgoingCall {
    return call('StatusNotification', { connectorId: evseId, errorCode: 'NoError', status, timestamp: isoTime(at) });
  },

  authorize: (idToken: string) => call('Authorize', { idTag: idToken }),

  authorizationOf: (response: JsonObject) => (response as unknown as Ocpp16.AuthorizeResponse).idTagInfo.status,

  transactionStarted({ transaction, sample }: TransactionStart): OutgoingCall {
    return call('StartTransaction', {
      connectorId: transaction.evseId,
      idTag: transaction.idToken,
      meterStart: Math.floor(sample.energyWh),
      timestamp: isoTime(transaction.startedAt),
      ...(transaction.reservationId === undefined ? {} : { reservationId: transaction.reservationId }),
    });
  },

  startedResult(response: JsonObject): StartedResult {
    const { transactionId, idTagInfo } = response as unknown as Ocpp16.StartTransactionResponse;
    return { transactionId: String(transactionId), authorization: idTagInfo.status };
  },

  transactionUpdated(transaction: ActiveTransaction, sample: MeterSample, trigger: MeterTrigger): OutgoingCall {
    return call('MeterValues', {
      connectorId: transaction.evseId,
      transactionId: transactionNumber(transaction),
      meterValue: [meterValue(sample, contextOfTrigger[trigger])],
    });
  },

  transactionEnded({ transaction, sample, reason }: TransactionStop): OutgoingCall {
    return call('StopTransaction', {
      transactionId: transactionNumber(transaction),
      idTag: transaction.idToken,
      meterStop: Math.floor(sample.energyWh),
      timestamp: isoTime(sample.timestamp),
      reason: stopReasons[reason],
      transactionData: [meterValue(sample, 'Transaction.End')],
    });
  },

  idleMeterValues(evseId: number, sample: MeterSample): OutgoingCall {
    return call('MeterValues', { connectorId: evseId, meterValue: [meterValue(sample, 'Trigger')] });
  },

  // 1.6 has no ISO 15118 needs and no way to report limits set by others: the station just obeys them.
  evChargingNeeds: () => undefined,
  chargingLimitSet: () => undefined,
  chargingLimitCleared: () => undefined,
  reservationExpired: () => undefined,
};
