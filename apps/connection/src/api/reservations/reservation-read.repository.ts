import { InjectDataSource, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { stationsOfTenant } from '../tenancy.port';
import { CONNECTION_SCHEMA, RESERVATION_COLUMNS, type ReservationRow, type ReservationStatus, queryRows } from '../station-core.port';

export interface ReservationListRow extends ReservationRow {
  /** created_at as PostgreSQL prints it: the exact sort key for cursors. */
  created_key: string;
}

export interface ReservationFilter {
  stationId?: string;
  status?: ReservationStatus;
  active?: boolean;
  evseId?: number;
  /** Keyset: [created_at, id] of the last row of the previous page. */
  before?: string[];
  /** Only rows of this tenant's stations; undefined: every station's. */
  tenant?: string;
  limit: number;
}

const RESERVATION = `"${CONNECTION_SCHEMA}"."reservation"`;
/** What the status column reads as (an active reservation past its expiry is expired), and what "active" means: the clock decides. */
const EFFECTIVE_STATUS = `(CASE WHEN status = 'active' AND expires_at <= now() THEN 'expired' ELSE status END)`;
const HOLDS_NOW = `(status = 'active' AND expires_at > now())`;

/** The operator API's list of reservations, newest first. */
@Injectable()
export class ReservationReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: ReservationFilter): Promise<ReservationListRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsOfTenant('station_id', filter.tenant, bind));
    if (filter.status !== undefined) conditions.push(`${EFFECTIVE_STATUS} = ${bind(filter.status)}`);
    if (filter.active !== undefined) conditions.push(filter.active ? HOLDS_NOW : `NOT ${HOLDS_NOW}`);
    if (filter.evseId !== undefined) conditions.push(`evse_id = ${bind(filter.evseId)}`);
    if (filter.before !== undefined) {
      const [createdAt, id] = filter.before;
      conditions.push(`(created_at, id) < (${bind(createdAt)}::timestamptz, ${bind(Number(id))})`);
    }
    const where = whereClause(conditions);
    return queryRows<ReservationListRow>(
      this.dataSource,
      `SELECT ${RESERVATION_COLUMNS}, created_at::text AS created_key FROM ${RESERVATION} ${where} ORDER BY created_at DESC, id DESC LIMIT ${bind(filter.limit)}`,
      parameters,
    );
  }
}
