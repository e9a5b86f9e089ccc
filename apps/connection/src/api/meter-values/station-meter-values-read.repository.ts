import { InjectDataSource, sqlParameters } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA, queryRows } from '../station-core.port';

export interface StationMeterSampleRow {
  evse_id: number;
  sampled_at: Date;
  /** sampled_at as PostgreSQL prints it: the exact sort key for cursors. */
  sampled_key: string;
  transaction_id: string | null;
  measurand: string;
  phase: string;
  location: string;
  context: string;
  value: number;
  unit: string;
}

export interface StationMeterSampleFilter {
  stationId: string;
  evseId?: number;
  measurand?: string;
  from?: Date;
  to?: Date;
  /** Keyset: [evse, sampled_at, measurand, phase, location, context] of the last sample of the previous page. */
  after?: string[];
  limit: number;
}

/**
 * A station's meter samples, in or outside transactions, by EVSE and newest first: the order of
 * the samples' own unique index (station, EVSE, time, measurand, phase, location, context), which
 * the query walks backwards for each EVSE.
 */
@Injectable()
export class StationMeterValuesReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: StationMeterSampleFilter): Promise<StationMeterSampleRow[]> {
    const { values, bind } = sqlParameters();
    const conditions = [`station_id = ${bind(filter.stationId)}`];
    if (filter.evseId !== undefined) conditions.push(`evse_id = ${bind(filter.evseId)}`);
    if (filter.measurand !== undefined) conditions.push(`measurand = ${bind(filter.measurand)}`);
    if (filter.from !== undefined) conditions.push(`sampled_at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`sampled_at < ${bind(filter.to)}`);
    if (filter.after !== undefined) {
      const [evse, at, measurand, phase, location, context] = filter.after;
      // EVSEs ascend, the rest descends: past the cursor is a later EVSE, or the same one further back.
      conditions.push(
        `(evse_id > ${bind(Number(evse))} OR (evse_id = ${bind(Number(evse))} AND (sampled_at, measurand, phase, location, context) < (${bind(at)}::timestamptz, ${bind(measurand)}, ${bind(phase)}, ${bind(location)}, ${bind(context)})))`,
      );
    }
    return queryRows<StationMeterSampleRow>(
      this.dataSource,
      `SELECT evse_id, sampled_at, sampled_at::text AS sampled_key, transaction_id, measurand, phase, location, context, value, unit
         FROM "${CONNECTION_SCHEMA}"."meter_sample"
        WHERE ${conditions.join(' AND ')}
        ORDER BY evse_id, sampled_at DESC, measurand DESC, phase DESC, location DESC, context DESC
        LIMIT ${bind(filter.limit)}`,
      values,
    );
  }
}
