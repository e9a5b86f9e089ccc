import type { PowerDraw } from '../transactions/delivered-power';

/**
 * The version-neutral vocabulary of a simulated station. Dialects (`dialect/`) translate it to
 * and from OCPP 1.6 and 2.0.1; everything else works on it only.
 */

/** 1.6 names; 2.0.1 reports Preparing, Charging, Suspended* and Finishing as Occupied. */
export type ConnectorStatus = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

export type BootReason = 'PowerUp' | 'RemoteReset' | 'LocalReset' | 'Triggered';

/** Why a transaction ended. */
export type StopReason = 'Local' | 'Remote' | 'EVDisconnected' | 'DeAuthorized' | 'HardReset' | 'SoftReset' | 'Reboot' | 'UnlockCommand' | 'Other';

/** Why a transaction update was sent. */
export type MeterTrigger = 'Periodic' | 'Trigger' | 'ChargingRateChanged';

/** How a transaction was started. */
export type StartTrigger = 'Local' | 'Remote';

export interface StationIdentity {
  readonly vendor: string;
  readonly model: string;
  readonly serialNumber: string;
  readonly firmwareVersion: string;
}

export interface BootResult {
  readonly status: RegistrationStatus;
  /** Heartbeat interval (Accepted) or the wait before the next BootNotification (Pending, Rejected). */
  readonly intervalS: number;
}

export interface MeterSample {
  readonly timestamp: number;
  /** Cumulative energy register, Wh. */
  readonly energyWh: number;
  readonly draw: PowerDraw;
}

export interface ActiveTransaction {
  readonly evseId: number;
  /** Our own id: the 2.0.1 transactionId (a UUID); in 1.6 only local. */
  readonly localId: string;
  /** The id the CSMS knows: the 2.0.1 id, or the 1.6 transactionId from StartTransaction.conf (decimal). */
  transactionId: string | undefined;
  readonly idToken: string;
  readonly startedAt: number;
  readonly meterStartWh: number;
  readonly trigger: StartTrigger;
  readonly remoteStartId?: number;
  readonly reservationId?: number;
  /** 2.0.1 TransactionEvent seqNo of the next event. */
  nextSeqNo: number;
}

export interface TransactionStart {
  readonly transaction: ActiveTransaction;
  readonly sample: MeterSample;
}

export interface TransactionStop {
  readonly transaction: ActiveTransaction;
  readonly sample: MeterSample;
  readonly reason: StopReason;
}

/** Token status as the CSMS answered it ("Accepted", "Blocked", "Invalid", ...). */
export type AuthorizationStatus = string;

export function isAccepted(status: AuthorizationStatus | undefined): boolean {
  return status === undefined || status === 'Accepted';
}
