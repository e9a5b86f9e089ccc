import { type GroupCommitter, InjectDataSource, type SqlExecutor, execute, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { GroupCommits } from '../persistence/group-commits';
import type { MeterSample } from './meter-sample';
import { sampleKey } from './sample-normaliser';

const INSERT_SAMPLES = namedStatement(
  'meter_sample_insert',
  `INSERT INTO "${CONNECTION_SCHEMA}"."meter_sample" AS stored (station_id, evse_id, transaction_id, sampled_at, measurand, phase, location, context, value, unit)
    SELECT $1, $2, $3, sample.* FROM unnest($4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::text[]) AS sample
    ON CONFLICT ON CONSTRAINT meter_sample_identity DO UPDATE SET transaction_id = EXCLUDED.transaction_id
      WHERE stored.transaction_id IS NULL AND EXCLUDED.transaction_id IS NOT NULL
    RETURNING (xmax = 0) AS inserted`,
);

// The group-commit form (ADR 035): the samples of many stations' messages in one statement.
const RECORD_SAMPLES = namedStatement(
  'meter_sample_record',
  `INSERT INTO "${CONNECTION_SCHEMA}"."meter_sample" AS stored (station_id, evse_id, transaction_id, sampled_at, measurand, phase, location, context, value, unit)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::text[])
    ON CONFLICT ON CONSTRAINT meter_sample_identity DO UPDATE SET transaction_id = EXCLUDED.transaction_id
      WHERE stored.transaction_id IS NULL AND EXCLUDED.transaction_id IS NOT NULL`,
);

interface SampleRow {
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
    const rows = samples.map((sample) => ({ stationId, evseId, transactionId: transactionId ?? null, at: sample.at.toISOString(), sample }));
    return rows.length === 0 ? Promise.resolve() : this.messages.submit(rows);
  }

  private async writeMessages(executor: SqlExecutor, messages: readonly SampleRow[][]): Promise<void[]> {
    // A sample appears once per statement (ON CONFLICT may not touch a row twice); one that links a transaction wins.
    const unique = new Map<string, SampleRow>();
    for (const row of messages.flat()) {
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
    return messages.map(() => undefined);
  }

  /** Inserts the samples in the caller's transaction (a transaction message's); returns how many rows were new. */
  async insert(executor: SqlExecutor, stationId: string, evseId: number, transactionId: string | undefined, samples: readonly MeterSample[]): Promise<number> {
    const unique = [...new Map(samples.map((sample) => [sampleKey(evseId, sample), sample])).values()];
    if (unique.length === 0) return 0;
    const rows = await queryRows<{ inserted: boolean }>(
      executor,
      INSERT_SAMPLES,
      [
        stationId,
        evseId,
        transactionId ?? null,
        unique.map((sample) => sample.at.toISOString()),
        unique.map((sample) => sample.measurand),
        unique.map((sample) => sample.phase),
        unique.map((sample) => sample.location),
        unique.map((sample) => sample.context),
        unique.map((sample) => sample.value),
        unique.map((sample) => sample.unit),
      ],
    );
    return rows.filter((row) => row.inserted).length;
  }
}
