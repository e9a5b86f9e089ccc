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
import { scheduleTo201 } from '../smart-charging/charging-profile.mapper';
import type { LimitSource } from '../smart-charging/charging-profile';
import { IEC_61851_MIN_CURRENT_A, type PowerDraw, type Vehicle } from '../transactions/delivered-power';
import { type ExternalLimit, type OutgoingCall, type StartedResult, type StationDialect, contextOfTrigger, isoTime } from './station-dialect';

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

const transferModes: Readonly<Record<number, Ocpp201.EnergyTransferModeEnumType>> = { 1: 'AC_single_phase', 2: 'AC_two_phase', 3: 'AC_three_phase' };

/** What the EV does: draws, is full (SuspendedEV) or is held below its minimum (SuspendedEVSE). */
function chargingStateOf(draw: PowerDraw): Ocpp201.ChargingStateEnumType {
  if (draw.suspended === 'EV') return 'SuspendedEV';
  return draw.watts > 0 ? 'Charging' : 'SuspendedEVSE';
}

/** The EV's needs as ISO 15118 states them (whole numbers on the wire). */
function chargingNeedsOf(vehicle: Vehicle, energyNeedWh: number): Ocpp201.ChargingNeedsType {
  const needs: Ocpp201.ChargingNeedsType = {
    requestedEnergyTransfer: transferModes[vehicle.phases] ?? 'AC_three_phase',
    acChargingParameters: {
      energyAmount: Math.round(energyNeedWh),
      evMinCurrent: Math.round(vehicle.minCurrentA ?? IEC_61851_MIN_CURRENT_A),
      evMaxCurrent: Math.round(vehicle.maxCurrentA),
      evMaxVoltage: Math.round(vehicle.maxVoltageV ?? (vehicle.phases === 3 ? 400 : 230)),
    },
  };
  return vehicle.departureAt === undefined ? needs : { ...needs, departureTime: isoTime(vehicle.departureAt) };
}

const evseField = (evseId: number): { evseId?: number } => (evseId > 0 ? { evseId } : {});

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
      ...(transaction.reservationId === undefined ? {} : { reservationId: transaction.reservationId }),
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
      transactionInfo: transactionInfo(transaction, { chargingState: chargingStateOf(sample.draw) }),
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

  evChargingNeeds(evseId: number, vehicle: Vehicle): OutgoingCall | undefined {
    if (vehicle.energyNeedWh === undefined) return undefined;
    return call('NotifyEVChargingNeeds', { evseId, chargingNeeds: chargingNeedsOf(vehicle, vehicle.energyNeedWh) });
  },

  chargingLimitSet(limit: ExternalLimit): OutgoingCall {
    const chargingLimit: Ocpp201.ChargingLimitType = { chargingLimitSource: limit.source, isGridCritical: limit.gridCritical ?? false };
    return call('NotifyChargingLimit', { chargingLimit, ...evseField(limit.evseId ?? 0), chargingSchedule: [scheduleTo201(limit.schedule, 1)] });
  },

  chargingLimitCleared(source: LimitSource, evseId: number): OutgoingCall {
    return call('ClearedChargingLimit', { chargingLimitSource: source, ...evseField(evseId) });
  },

  reservationExpired: (reservationId: number) => call('ReservationStatusUpdate', { reservationId, reservationUpdateStatus: 'Expired' }),
};
