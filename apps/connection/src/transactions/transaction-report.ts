import type { IdTokenRef } from '../authorization/id-token';
import type { MeterReading } from '../metering/meter-sample';

export type TransactionEventType = 'Started' | 'Updated' | 'Ended';

export type TransactionMessageType = 'StartTransaction' | 'StopTransaction' | 'TransactionEvent';

/**
 * One transaction message, version-neutral: a 1.6 StartTransaction (seqNo 0) or StopTransaction
 * (seqNo 1), or a 2.0.1 TransactionEvent with the station's seqNo.
 */
export interface TransactionReport {
  messageType: TransactionMessageType;
  /** The message's identity, from which its event id derives: a retry has the same key. */
  naturalKey: (string | number)[];
  /** Undefined for 1.6 StartTransaction: the CSMS assigns it. */
  transactionId: string | undefined;
  eventType: TransactionEventType;
  seqNo: number;
  at: Date;
  /** 2.0.1 triggerReason; empty for 1.6. */
  triggerReason: string;
  offline: boolean;
  evseId: number | undefined;
  connectorId: number | undefined;
  idToken: IdTokenRef | undefined;
  chargingState: string | undefined;
  stoppedReason: string | undefined;
  remoteStartId: number | undefined;
  /** The reservation the station says this transaction uses (1.6 StartTransaction, 2.0.1 TransactionEvent). */
  reservationId?: number;
  /** The energy register the message states outright (1.6 meterStart / meterStop), Wh. */
  meterWh: number | undefined;
  meterValues: MeterReading[];
}

/** What is stored of each transaction message, and all the state reducer reads. */
export interface TransactionEventRecord {
  seqNo: number;
  eventType: TransactionEventType;
  at: Date;
  triggerReason: string;
  offline: boolean;
  evseId: number | undefined;
  connectorId: number | undefined;
  idToken: string | undefined;
  idTokenType: string | undefined;
  /** The authorization answered the first time this message came (a retry gets the same). */
  idTokenStatus: string | undefined;
  chargingState: string | undefined;
  stoppedReason: string | undefined;
  remoteStartId: number | undefined;
  /** The energy register of this message, Wh: the first reading for Started, the last otherwise. */
  energyWh: number | undefined;
  /** An energy reading this message marks as Transaction.Begin, Wh. */
  beginEnergyWh: number | undefined;
}

/** The transaction as its events say it is, whatever order they arrived in. */
export interface TransactionState {
  state: 'active' | 'ended';
  evseId: number | undefined;
  connectorId: number | undefined;
  idToken: string | undefined;
  idTokenType: string | undefined;
  startedAt: Date | undefined;
  stoppedAt: Date | undefined;
  meterStartWh: number | undefined;
  meterStopWh: number | undefined;
  energyWh: number | undefined;
  stoppedReason: string | undefined;
  chargingState: string | undefined;
  remoteStartId: number | undefined;
  offline: boolean;
  lastSeqNo: number | undefined;
  eventCount: number;
  /** False while only later events have arrived (offline queue delivered out of order). */
  startSeen: boolean;
}
