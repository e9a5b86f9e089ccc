import { type GroupCommitter, InjectDataSource, type SqlExecutor, execute, namedStatement } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { GroupCommits } from '../persistence/group-commits';
import type { MeterSample } from './meter-sample';
import { sampleKey } from './sample-normaliser';

// The group-commit form (ADR 035): the samples of many stations' messages in one statement.
const RECORD_SAMPLES = namedStatement(
  'meter_sample_record',
  `INSERT INTO "${CONNECTION_SCHEMA}"."meter_sample" AS stored (station_id, evse_id, transaction_id, sampled_at, measurand, phase, location, context, value, unit)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::text[])
    ON CONFLICT ON CONSTRAINT meter_sample_identity DO UPDATE SET transaction_id = EXCLUDED.transaction_id
      WHERE stored.transaction_id IS NULL AND EXCLUDED.transaction_id IS NOT NULL`,
);

export interface SampleRow {
  stationId: string;
  evseId: number;
  transactionId: string | null;
  at: string;
  sample: MeterSample;
}

/**
 * Normalised meter samples. A sample is one row per station, EVSE, time, measurand, phase,
 * location and context, so a retried message inserts nothing; a sample first stored without
 * a transaction is linked to it when a transaction message reports it again.
 */
@Injectable()
export class MeterSampleRepository {
  private readonly messages: GroupCommitter<SampleRow[], void>;

  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    groupCommits: GroupCommits,
  ) {
    this.messages = groupCommits.committer('meter_sample', (messages) => this.writeMessages(this.dataSource, messages), (executor) => this.writeMessages(executor, []));
  }

  /** Stores one message's samples in a group commit with other stations' messages; resolves once they are committed. */
  record(stationId: string, evseId: number, transactionId: string | undefined, samples: readonly MeterSample[]): Promise<void> {
    // ISO times computed here, so that an invalid date fails its own message only.
    const rows = this.rowsOf(stationId, evseId, transactionId, samples);
    return rows.length === 0 ? Promise.resolve() : this.messages.submit(rows);
  }

  private async writeMessages(executor: SqlExecutor, messages: readonly SampleRow[][]): Promise<void[]> {
    await this.insertRows(executor, messages.flat());
    return messages.map(() => undefined);
  }

  /** The rows of one message, ready for `insertRows`. */
  rowsOf(stationId: string, evseId: number, transactionId: string | undefined, samples: readonly MeterSample[]): SampleRow[] {
    return samples.map((sample) => ({ stationId, evseId, transactionId: transactionId ?? null, at: sample.at.toISOString(), sample }));
  }

  /** Inserts the samples of many messages with one statement (in the caller's transaction, if any). */
  async insertRows(executor: SqlExecutor, all: readonly SampleRow[]): Promise<void> {
    // A sample appears once per statement (ON CONFLICT may not touch a row twice); one that links a transaction wins.
    const unique = new Map<string, SampleRow>();
    for (const row of all) {
      const key = `${row.stationId}\u0000${sampleKey(row.evseId, row.sample)}`;
      if (!unique.get(key)?.transactionId) unique.set(key, row);
    }
    const rows = [...unique.values()];
    await execute(executor, RECORD_SAMPLES, [
      rows.map((row) => row.stationId),
      rows.map((row) => row.evseId),
      rows.map((row) => row.transactionId),
      rows.map((row) => row.at),
      rows.map((row) => row.sample.measurand),
      rows.map((row) => row.sample.phase),
      rows.map((row) => row.sample.location),
      rows.map((row) => row.sample.context),
      rows.map((row) => row.sample.value),
      rows.map((row) => row.sample.unit),
    ]);
  }

}
