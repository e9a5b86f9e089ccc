import type { JsonObject, Ocpp201 } from '@app/ocpp';
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

/** Every EVSE of a simulated 2.0.1 station has one connector. */
export const CONNECTOR_ID = 1;

const connectorStatuses: Readonly<Record<ConnectorStatus, Ocpp201.ConnectorStatusEnumType>> = {
  Available: 'Available',
  Preparing: 'Occupied',
  Charging: 'Occupied',
  SuspendedEV: 'Occupied',
  SuspendedEVSE: 'Occupied',
  Finishing: 'Occupied',
  Reserved: 'Reserved',
  Unavailable: 'Unavailable',
  Faulted: 'Faulted',
};

const stopReasons: Readonly<Record<StopReason, { stoppedReason: Ocpp201.ReasonEnumType; triggerReason: Ocpp201.TriggerReasonEnumType }>> = {
  Local: { stoppedReason: 'Local', triggerReason: 'StopAuthorized' },
  Remote: { stoppedReason: 'Remote', triggerReason: 'RemoteStop' },
  EVDisconnected: { stoppedReason: 'EVDisconnected', triggerReason: 'EVCommunicationLost' },
  DeAuthorized: { stoppedReason: 'DeAuthorized', triggerReason: 'Deauthorized' },
  HardReset: { stoppedReason: 'ImmediateReset', triggerReason: 'ResetCommand' },
  SoftReset: { stoppedReason: 'ImmediateReset', triggerReason: 'ResetCommand' },
  Reboot: { stoppedReason: 'Reboot', triggerReason: 'AbnormalCondition' },
  UnlockCommand: { stoppedReason: 'Other', triggerReason: 'UnlockCommand' },
  Other: { stoppedReason: 'Other', triggerReason: 'AbnormalCondition' },
};

const updateTriggers: Readonly<Record<MeterTrigger, Ocpp201.TriggerReasonEnumType>> = {
  Periodic: 'MeterValuePeriodic',
  Trigger: 'Trigger',
  ChargingRateChanged: 'ChargingRateChanged',
};

function call<A extends keyof Ocpp201.RequestByAction>(action: A, payload: Ocpp201.RequestByAction[A]): OutgoingCall {
  return { action, payload };
}

function sampledValue(reading: Reading, context: ReadingContext): Ocpp201.SampledValueType {
  const value: Ocpp201.SampledValueType = { value: reading.value, context, measurand: reading.measurand, unitOfMeasure: { unit: reading.unit } };
  return reading.phase === undefined ? value : { ...value, phase: reading.phase };
}

function meterValue(sample: MeterSample, context: ReadingContext): [Ocpp201.MeterValueType] {
  const [first, ...rest] = readingsOf(sample);
  return [{ timestamp: isoTime(sample.timestamp), sampledValue: [sampledValue(first, context), ...rest.map((reading) => sampledValue(reading, context))] }];
}

const idTokenOf = (idToken: string): Ocpp201.IdTokenType => ({ idToken, type: 'ISO14443' });

const evseOf = (transaction: ActiveTransaction): Ocpp201.EVSEType => ({ id: transaction.evseId, connectorId: CONNECTOR_ID });

function transactionInfo(transaction: ActiveTransaction, extra: Partial<Ocpp201.TransactionType> = {}): Ocpp201.TransactionType {
  const info: Ocpp201.TransactionType = { transactionId: transaction.localId, ...extra };
  return transaction.remoteStartId === undefined ? info : { ...info, remoteStartId: transaction.remoteStartId };
}

/** OCPP 2.0.1: EVSEs, typed idTokens, station-assigned transaction ids, TransactionEvent with seqNo. */
export const ocpp201Dialect: StationDialect = {
  version: '2.0.1',
  stationAssignsTransactionIds: true,
  allowedRateUnits: 'A,W',
  reportsRateChanges: true,
  reportedStatus: (status: ConnectorStatus) => connectorStatuses[status],

  bootNotification(identity: StationIdentity, reason: BootReason): OutgoingCall {
    const chargingStation = { vendorName: identity.vendor, model: identity.model, serialNumber: identity.serialNumber, firmwareVersion: identity.firmwareVersion };
    return call('BootNotification', { chargingStation, reason });
  },

  bootResult(response: JsonObject): BootResult {
    const { status, interval } = response as unknown as Ocpp201.BootNotificationResponse;
    return { status, intervalS: interval };
  },

  heartbeat: () => call('Heartbeat', {}),

  statusNotification(evseId: number, status: ConnectorStatus, at: number): OutgoingCall {
    return call('StatusNotification', { timestamp: isoTime(at), connectorStatus: connectorStatuses[status], evseId, connectorId: CONNECTOR_ID });
  },

  authorize: (idToken: string) => call('Authorize', { idToken: idTokenOf(idToken) }),

  authorizationOf: (response: JsonObject) => (response as unknown as Ocpp201.AuthorizeResponse).idTokenInfo.status,

  transactionStarted({ transaction, sample }: TransactionStart): OutgoingCall {
    return call('TransactionEvent', {
      eventType: 'Started',
      timestamp: isoTime(transaction.startedAt),
      triggerReason: transaction.trigger === 'Remote' ? 'RemoteStart' : 'Authorized',
      seqNo: transaction.nextSeqNo,
      transactionInfo: transactionInfo(transaction, { chargingState: 'Charging' }),
      evse: evseOf(transaction),
      idToken: idTokenOf(transaction.idToken),
      meterValue: meterValue(sample, 'Transaction.Begin'),
    });
  },

  startedResult(response: JsonObject): StartedResult {
    return { authorization: (response as unknown as Ocpp201.TransactionEventResponse).idTokenInfo?.status };
  },

  transactionUpdated(transaction: ActiveTransaction, sample: MeterSample, trigger: MeterTrigger): OutgoingCall {
    return call('TransactionEvent', {
      eventType: 'Updated',
      timestamp: isoTime(sample.timestamp),
      triggerReason: updateTriggers[trigger],
      seqNo: transaction.nextSeqNo,
      transactionInfo: transactionInfo(transaction, { chargingState: sample.draw.watts > 0 ? 'Charging' : 'SuspendedEVSE' }),
      evse: evseOf(transaction),
      meterValue: meterValue(sample, contextOfTrigger[trigger]),
    });
  },

  transactionEnded({ transaction, sample, reason }: TransactionStop): OutgoingCall {
    const { stoppedReason, triggerReason } = stopReasons[reason];
    return call('TransactionEvent', {
      eventType: 'Ended',
      timestamp: isoTime(sample.timestamp),
      triggerReason,
      seqNo: transaction.nextSeqNo,
      transactionInfo: transactionInfo(transaction, { stoppedReason }),
      evse: evseOf(transaction),
      idToken: idTokenOf(transaction.idToken),
      meterValue: meterValue(sample, 'Transaction.End'),
    });
  },

  idleMeterValues(evseId: number, sample: MeterSample): OutgoingCall {
    return call('MeterValues', { evseId, meterValue: meterValue(sample, 'Trigger') });
  },
};
