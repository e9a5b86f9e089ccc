import { type SqlExecutor, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
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

/**
 * Normalised meter samples. A sample is one row per station, EVSE, time, measurand, phase,
 * location and context, so a retried message inserts nothing; a sample first stored without
 * a transaction is linked to it when a transaction message reports it again.
 */
@Injectable()
export class MeterSampleRepository {
  /** Inserts the samples (in the caller's transaction); returns how many rows were new. */
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
