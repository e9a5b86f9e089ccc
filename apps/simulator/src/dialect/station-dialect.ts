import type { JsonObject, OcppVersion } from '@app/ocpp';
import type { ChargingSchedule, LimitSource } from '../smart-charging/charging-profile';
import type { Vehicle } from '../transactions/delivered-power';
import type { ReadingContext } from '../transactions/meter-readings';
import type {
  ActiveTransaction,
  AuthorizationStatus,
  BootReason,
  BootResult,
  ConnectorStatus,
  MeterSample,
  MeterTrigger,
  StationIdentity,
  TransactionStart,
  TransactionStop,
} from '../station/station-model';

/** A CALL the station sends: its action and a payload of that action's request type. */
export interface OutgoingCall {
  readonly action: string;
  readonly payload: object;
}

export interface StartedResult {
  /** The CSMS-assigned id (1.6); 2.0.1 keeps the station's own. */
  readonly transactionId?: string;
  readonly authorization?: AuthorizationStatus;
}

/**
 * How one OCPP version says what the station does: the only place that knows message shapes.
 * Builders return CALLs from the neutral model; readers take validated responses back to it.
 */
export interface StationDialect {
  readonly version: OcppVersion;
  /** 2.0.1: the station names its transactions; 1.6: the CSMS does, in StartTransaction.conf. */
  readonly stationAssignsTransactionIds: boolean;
  /** The value of ChargingScheduleAllowedChargingRateUnit / SmartChargingCtrlr.RateUnit. */
  readonly allowedRateUnits: string;
  /** 2.0.1 reports a changed charging rate at once (TransactionEvent ChargingRateChanged); 1.6 waits for the next sample. */
  readonly reportsRateChanges: boolean;
  /** The status as this version reports it; the station sends a StatusNotification only when it changes. */
  reportedStatus(status: ConnectorStatus): string;
  bootNotification(identity: StationIdentity, reason: BootReason): OutgoingCall;
  bootResult(response: JsonObject): BootResult;
  heartbeat(): OutgoingCall;
  statusNotification(evseId: number, status: ConnectorStatus, at: number): OutgoingCall;
  authorize(idToken: string): OutgoingCall;
  authorizationOf(response: JsonObject): AuthorizationStatus;
  transactionStarted(start: TransactionStart): OutgoingCall;
  startedResult(response: JsonObject): StartedResult;
  transactionUpdated(transaction: ActiveTransaction, sample: MeterSample, trigger: MeterTrigger): OutgoingCall;
  transactionEnded(stop: TransactionStop): OutgoingCall;
  /** MeterValues outside a transaction (e.g. when triggered on an idle connector). */
  idleMeterValues(evseId: number, sample: MeterSample): OutgoingCall;
  /** 2.0.1 NotifyEVChargingNeeds for an EV that states its needs; undefined when the version has no such message or the EV states none. */
  evChargingNeeds(evseId: number, vehicle: Vehicle): OutgoingCall | undefined;
  /** 2.0.1 NotifyChargingLimit; undefined in 1.6, whose stations cannot tell the CSMS. */
  chargingLimitSet(limit: ExternalLimit): OutgoingCall | undefined;
  /** 2.0.1 ClearedChargingLimit; undefined in 1.6. */
  chargingLimitCleared(source: LimitSource, evseId: number): OutgoingCall | undefined;
  /** 2.0.1 ReservationStatusUpdate Expired; undefined in 1.6, whose stations tell the CSMS nothing. */
  reservationExpired(reservationId: number): OutgoingCall | undefined;
}

/** A limit a system outside the CSMS (site energy manager, grid operator) puts on the station. */
export interface ExternalLimit {
  readonly source: LimitSource;
  /** 0 (default): the whole station. */
  readonly evseId?: number;
  readonly gridCritical?: boolean;
  /** The limit over time; an Absolute schedule starting now when it names no start. */
  readonly schedule: ChargingSchedule;
}

export const contextOfTrigger: Readonly<Record<MeterTrigger, ReadingContext>> = {
  Periodic: 'Sample.Periodic',
  Trigger: 'Trigger',
  ChargingRateChanged: 'Other',
};

export function isoTime(at: number): string {
  return new Date(at).toISOString();
}
