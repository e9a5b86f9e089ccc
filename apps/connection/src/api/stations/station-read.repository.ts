import { InjectDataSource, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA, queryRows } from '../station-core.port';

export interface StationRow {
  id: string;
  registration_status: string;
  security_profile: number;
  has_password: boolean;
  serial_number: string | null;
  vendor: string | null;
  model: string | null;
  firmware_version: string | null;
  auto_registered: boolean;
  last_boot_at: Date | null;
  last_seen_at: Date | null;
  created_at: Date;
  updated_at: Date;
  tenant: string | null;
}

export interface ConnectorRow {
  evse_id: number;
  connector_id: number;
  status: string;
  ocpp_status: string;
  error_code: string | null;
  info: string | null;
  vendor_error_code: string | null;
  status_at: Date;
}

export interface StationFilter {
  registrationStatus?: string;
  idPrefix?: string;
  /** Only these ids (`include`), or all but these. */
  ids?: { include: boolean; ids: string[] };
  /** Ids after this one (keyset pagination by id). */
  after?: string;
  /** Only the stations of this tenant; undefined: every station. */
  tenant?: string;
  limit: number;
}

const STATION_COLUMNS = `id, registration_status, security_profile, password_hash IS NOT NULL AS has_password, serial_number, vendor, model,
  firmware_version, auto_registered, last_boot_at, last_seen_at, created_at, updated_at, tenant`;

/** The operator API's reads of the station registry and connector statuses (the station core's tables). */
@Injectable()
export class StationReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: StationFilter): Promise<StationRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.registrationStatus !== undefined) conditions.push(`registration_status = ${bind(filter.registrationStatus)}`);
    if (filter.idPrefix !== undefined) conditions.push(`starts_with(id, ${bind(filter.idPrefix)})`);
    if (filter.ids !== undefined) conditions.push(`${filter.ids.include ? '' : 'NOT '}(id = ANY(${bind(filter.ids.ids)}::text[]))`);
    if (filter.after !== undefined) conditions.push(`id > ${bind(filter.after)}`);
    if (filter.tenant !== undefined) conditions.push(`tenant = ${bind(filter.tenant)}`);
    const where = whereClause(conditions);
    return queryRows<StationRow>(
      this.dataSource,
      `SELECT ${STATION_COLUMNS} FROM "${CONNECTION_SCHEMA}"."station" ${where} ORDER BY id LIMIT ${bind(filter.limit)}`,
      parameters,
    );
  }

  async find(id: string): Promise<StationRow | undefined> {
    const [row] = await queryRows<StationRow>(this.dataSource, `SELECT ${STATION_COLUMNS} FROM "${CONNECTION_SCHEMA}"."station" WHERE id = $1`, [id]);
    return row;
  }

  async exists(id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `SELECT id FROM "${CONNECTION_SCHEMA}"."station" WHERE id = $1`, [id]);
    return rows.length === 1;
  }

  async connectors(stationId: string): Promise<ConnectorRow[]> {
    return queryRows<ConnectorRow>(
      this.dataSource,
      `SELECT evse_id, connector_id, status, ocpp_status, error_code, info, vendor_error_code, status_at
         FROM "${CONNECTION_SCHEMA}"."connector" WHERE station_id = $1 ORDER BY evse_id, connector_id`,
      [stationId],
    );
  }
}
