import { type GroupCommitter, InjectDataSource, type SqlExecutor } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { MeterSample } from '../metering/meter-sample';
import { MeterSampleRepository } from '../metering/meter-sample.repository';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { GroupCommits } from '../persistence/group-commits';
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

interface TransactionMessage {
  stationId: string;
  report: TransactionReport;
  samples: readonly MeterSample[];
  idTokenStatus: string | undefined;
  eventId: string;
}

/**
 * Stores transaction messages, many stations' at a time in one database transaction (a group
 * commit, ADR 035): each message's transaction id (assigned for 1.6 starts), its event (once per
 * seqNo), its meter samples (once per measurement), and its transaction's state recomputed from
 * all its events, so arrival order does not matter. Each step is one statement for the whole
 * group; each caller learns its own outcome once the group is committed.
 */
@Injectable()
export class TransactionRecorder {
  private readonly messages: GroupCommitter<TransactionMessage, RecordedTransaction>;

  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    private readonly transactions: TransactionRepository,
    private readonly samples: MeterSampleRepository,
    groupCommits: GroupCommits,
  ) {
    this.messages = groupCommits.committer(
      'transaction',
      (messages) => this.dataSource.transaction((manager) => this.write(manager, messages)),
      (executor) => this.write(executor, []),
    );
  }

  record(
    stationId: string,
    report: TransactionReport,
    samples: readonly MeterSample[],
    idTokenStatus: string | undefined,
    eventId: string,
  ): Promise<RecordedTransaction> {
    return this.messages.submit({ stationId, report, samples, idTokenStatus, eventId });
  }

  private async write(executor: SqlExecutor, messages: readonly TransactionMessage[]): Promise<RecordedTransaction[]> {
    // 1.6 starts get their ids from the sequence, all in one statement; a rare collision with an id a
    // station invented is retried one by one.
    const startKeyOf = (message: TransactionMessage) => JSON.stringify(message.report.naturalKey);
    const starts = messages.filter((message) => message.report.transactionId === undefined);
    const assigned = await this.transactions.assignOcpp16Ids(executor, starts.map((message) => ({ stationId: message.stationId, startKey: startKeyOf(message) })));
    const keyed = [];
    for (const message of messages) {
      const transactionId =
        message.report.transactionId ??
        assigned.get(`${message.stationId}\u0000${startKeyOf(message)}`) ??
        (await this.transactions.assignOcpp16Id(executor, message.stationId, startKeyOf(message)));
      keyed.push({ ...message, transactionId });
    }
    await this.transactions.ensureAndLockAll(executor, keyed);
    const appended = await this.transactions.appendEvents(
      executor,
      keyed.map((message) => ({ ...message, record: eventRecordOf(message.report, message.samples, message.idTokenStatus) })),
    );
    const recorded = keyed.map((message, index) => {
      const stored = appended[index] as (typeof appended)[number];
      return { message, state: reduceTransaction(stored.events), stored };
    });
    await this.transactions.saveStates(executor, recorded.map(({ message, state }) => ({ ...message, state })));
    await this.samples.insertRows(
      executor,
      recorded.flatMap(({ message, state }) =>
        this.samples.rowsOf(message.stationId, state.evseId ?? message.report.evseId ?? 0, message.transactionId, message.samples),
      ),
    );
    return recorded.map(({ message, state, stored }) => ({
      transactionId: message.transactionId,
      state,
      idTokenStatus: stored.idTokenStatus,
      duplicate: !stored.inserted,
    }));
  }
}
