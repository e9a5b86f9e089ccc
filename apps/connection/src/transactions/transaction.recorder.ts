import { InjectDataSource } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { MeterSample } from '../metering/meter-sample';
import { MeterSampleRepository } from '../metering/meter-sample.repository';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { eventRecordOf } from './transaction-record';
import type { TransactionReport, TransactionState } from './transaction-report';
import { TransactionRepository } from './transaction.repository';
import { reduceTransaction } from './transaction-state.reducer';

export interface RecordedTransaction {
  transactionId: string;
  state: TransactionState;
  /** The authorization status stored with the message the first time it came. */
  idTokenStatus: string | undefined;
  /** The message had been stored before: this is a retry. */
  duplicate: boolean;
}

/**
 * Stores one transaction message in one database transaction: the transaction's id (assigned
 * for 1.6), the event (once per seqNo), its meter samples (once per measurement), and the
 * transaction's state recomputed from all its events, so arrival order does not matter.
 */
@Injectable()
export class TransactionRecorder {
  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    private readonly transactions: TransactionRepository,
    private readonly samples: MeterSampleRepository,
  ) {}

  record(
    stationId: string,
    report: TransactionReport,
    samples: readonly MeterSample[],
    idTokenStatus: string | undefined,
    eventId: string,
  ): Promise<RecordedTransaction> {
    return this.dataSource.transaction(async (manager) => {
      const transactionId = report.transactionId ?? (await this.transactions.assignOcpp16Id(manager, stationId, JSON.stringify(report.naturalKey)));
      await this.transactions.ensureAndLock(manager, stationId, transactionId);
      const stored = await this.transactions.appendEvent(manager, stationId, transactionId, eventRecordOf(report, samples, idTokenStatus), eventId);
      const state = reduceTransaction(stored.events);
      await this.transactions.saveState(manager, stationId, transactionId, state);
      await this.samples.insert(manager, stationId, state.evseId ?? report.evseId ?? 0, transactionId, samples);
      return { transactionId, state, idTokenStatus: stored.idTokenStatus, duplicate: !stored.inserted };
    });
  }
}
