import { InjectDataSource, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { stationsOfTenant } from '../tenancy.port';
import { CONNECTION_SCHEMA, queryRows } from '../station-core.port';

export interface AlertRow {
  id: string;
  station_id: string;
  source: 'event' | 'connector';
  severity: number;
  component: string | null;
  variable: string | null;
  monitor_id: number | null;
  evse_id: number | null;
  connector_id: number | null;
  event_id: number | null;
  trigger: string | null;
  event_type: string | null;
  actual_value: string | null;
  tech_code: string | null;
  tech_info: string | null;
  error_code: string | null;
  vendor_error_code: string | null;
  info: string | null;
  raised_at: Date;
  last_reported_at: Date;
  cleared_at: Date | null;
}

export interface AlertFilter {
  stationId?: string;
  state?: 'active' | 'cleared';
  maxSeverity?: number;
  since?: Date;
  /** Keyset: the id of the last alert of the previous page. */
  beforeId?: string;
  /** Only rows of this tenant's stations; undefined: every station's. */
  tenant?: string;
  limit: number;
}

const COLUMNS = `id::text AS id, station_id, source, severity, component, variable, monitor_id, evse_id, connector_id, event_id, trigger, event_type,
  actual_value, tech_code, tech_info, error_code, vendor_error_code, info, raised_at, last_reported_at, cleared_at`;

/** The operator API's reads of station alerts, newest first. */
@Injectable()
export class AlertReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: AlertFilter): Promise<AlertRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsOfTenant('station_id', filter.tenant, bind));
    if (filter.state === 'active') conditions.push('cleared_at IS NULL');
    if (filter.state === 'cleared') conditions.push('cleared_at IS NOT NULL');
    if (filter.maxSeverity !== undefined) conditions.push(`severity <= ${bind(filter.maxSeverity)}`);
    if (filter.since !== undefined) conditions.push(`raised_at >= ${bind(filter.since)}`);
    if (filter.beforeId !== undefined) conditions.push(`id < ${bind(filter.beforeId)}::bigint`);
    return queryRows<AlertRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM "${CONNECTION_SCHEMA}"."station_alert" ${whereClause(conditions)} ORDER BY id DESC LIMIT ${bind(filter.limit)}`,
      parameters,
    );
  }
}
