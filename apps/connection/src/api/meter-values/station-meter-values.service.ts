import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { type StationMeterSampleRow, StationMeterValuesReadRepository } from './station-meter-values-read.repository';
import type { StationMeterSampleView, StationMeterValuesQuery } from './station-meter-values.schemas';

const textOrNull = (text: string) => (text === '' ? null : text);

export function stationMeterSampleViewOf(row: StationMeterSampleRow): StationMeterSampleView {
  return {
    at: new Date(row.sampled_at).toISOString(),
    evseId: Number(row.evse_id),
    transactionId: row.transaction_id,
    measurand: row.measurand,
    phase: textOrNull(row.phase),
    location: textOrNull(row.location),
    context: textOrNull(row.context),
    value: Number(row.value),
    unit: row.unit,
  };
}

/** What a station measured, whether or not a transaction was running (2.0.1 MeterValues are often the station's own meter). */
@Injectable()
export class StationMeterValuesService {
  constructor(
    private readonly reads: StationMeterValuesReadRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async list(stationId: string, query: StationMeterValuesQuery): Promise<ApiResult<Page<StationMeterSampleView>>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({ stationId, evseId: query.evseId, measurand: query.measurand, from: query.from, to: query.to, after: query.cursor, limit: limit + 1 });
    return succeeded(
      pageOf(rows, limit, stationMeterSampleViewOf, (row) => [String(row.evse_id), row.sampled_key, row.measurand, row.phase, row.location, row.context]),
    );
  }
}
