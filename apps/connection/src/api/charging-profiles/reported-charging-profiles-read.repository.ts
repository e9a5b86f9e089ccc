import { InjectDataSource, sqlParameters } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA, REPORTED_PROFILE_TABLE, queryRows } from '../station-core.port';

export interface ReportedChargingProfileRow {
  id: string;
  request_id: number;
  evse_id: number;
  source: string;
  profile_id: number;
  stack_level: number;
  purpose: string;
  profile: Record<string, unknown>;
  tbc: boolean;
  recorded_at: Date;
}

export interface ReportedChargingProfileFilter {
  stationId: string;
  requestId?: number;
  evseId?: number;
  /** Keyset: the id of the last row of the previous page. */
  beforeId?: string;
  limit: number;
}

/** The profiles a station reported, newest first (by the order they were stored). */
@Injectable()
export class ReportedChargingProfilesReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: ReportedChargingProfileFilter): Promise<ReportedChargingProfileRow[]> {
    const { values, bind } = sqlParameters();
    const conditions = [`station_id = ${bind(filter.stationId)}`];
    if (filter.requestId !== undefined) conditions.push(`request_id = ${bind(filter.requestId)}`);
    if (filter.evseId !== undefined) conditions.push(`evse_id = ${bind(filter.evseId)}`);
    if (filter.beforeId !== undefined) conditions.push(`id < ${bind(filter.beforeId)}::bigint`);
    return queryRows<ReportedChargingProfileRow>(
      this.dataSource,
      `SELECT id, request_id, evse_id, source, profile_id, stack_level, purpose, profile, tbc, recorded_at
         FROM "${CONNECTION_SCHEMA}"."${REPORTED_PROFILE_TABLE}" WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
  }
}
