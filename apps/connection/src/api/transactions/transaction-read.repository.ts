import { InjectDataSource, sqlParameters, whereClause } from '@app/persistence';
import { invalidRequest } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { stationsOfTenant } from '../tenancy.port';
import { CONNECTION_SCHEMA, queryRows } from '../station-core.port';

export interface TransactionRow {
  station_id: string;
  transaction_id: string;
  state: 'active' | 'ended';
  evse_id: number | null;
  connector_id: number | null;
  id_token: string | null;
  id_token_type: string | null;
  started_at: Date | null;
  stopped_at: Date | null;
  meter_start_wh: number | null;
  meter_stop_wh: number | null;
  energy_wh: number | null;
  stopped_reason: string | null;
  charging_state: string | null;
  offline: boolean;
  remote_start_id: number | null;
  updated_at: Date;
  /** created_at as PostgreSQL prints it: the exact sort key for cursors. */
  created_key: string;
  /** Active transactions: the newest total energy register reading (Wh) of their meter samples, if any. */
  latest_register_wh: number | null;
}

export interface MeterSampleRow {
  sampled_at: Date;
  evse_id: number;
  measurand: string;
  phase: string;
  location: string;
  context: string;
  value: number;
  unit: string;
}

export interface TransactionFilter {
  stationId?: string;
  active?: boolean;
  from?: Date;
  to?: Date;
  /** Keyset: [created_at, station_id, transaction_id] of the last row of the previous page. */
  before?: string[];
  /** Only rows of this tenant's stations; undefined: every station's. */
  tenant?: string;
  limit: number;
}

export const TRANSACTION = `"${CONNECTION_SCHEMA}"."transaction"`;
const METER_SAMPLE = `"${CONNECTION_SCHEMA}"."meter_sample"`;
/** The columns of a TransactionRow but the newest register reading. */
export const TRANSACTION_COLUMNS = `station_id, transaction_id, state, evse_id, connector_id, id_token, id_token_type, started_at, stopped_at, meter_start_wh,
  meter_stop_wh, energy_wh, stopped_reason, charging_state, offline, remote_start_id, updated_at, created_at::text AS created_key`;
const ENERGY_REGISTER = 'Energy.Active.Import.Register';
/**
 * `page` (a statement selecting transaction rows) with the newest energy register reading of each
 * active transaction, in one statement: a lateral lookup per row of the page only (the page is
 * limited before the join), each an index scan backwards along meter_sample_transaction_idx
 * (station_id, transaction_id, sampled_at) that stops at the first total Wh register. Ended
 * transactions skip the lookup (a one-time filter): their energy is final.
 */
const withLatestRegister = (page: string, order: string) => `SELECT page.*, latest.value AS latest_register_wh FROM (${page}) page
  LEFT JOIN LATERAL (
    SELECT m.value FROM ${METER_SAMPLE} m
     WHERE page.state = 'active' AND m.station_id = page.station_id AND m.transaction_id = page.transaction_id
       AND m.measurand = '${ENERGY_REGISTER}' AND m.phase = '' AND m.unit = 'Wh'
     ORDER BY m.sampled_at DESC LIMIT 1
  ) latest ON true
  ORDER BY ${order}`;
/** created_at as PostgreSQL prints a timestamptz (DateStyle ISO): `2025-06-01 10:00:00.123456+00`. */
const TIMESTAMPTZ_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::[0-5]\d){0,2}$/;

/** The operator API's reads of transactions and meter samples (the station core's tables), newest first. */
@Injectable()
export class TransactionReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: TransactionFilter): Promise<TransactionRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsOfTenant('station_id', filter.tenant, bind));
    if (filter.active !== undefined) conditions.push(`state = ${bind(filter.active ? 'active' : 'ended')}`);
    if (filter.from !== undefined) conditions.push(`started_at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`started_at < ${bind(filter.to)}`);
    if (filter.before !== undefined) {
      const [createdAt, stationId, transactionId] = cursorKey(filter.before);
      conditions.push(`(created_at, station_id, transaction_id) < (${bind(createdAt)}::timestamptz, ${bind(stationId)}, ${bind(transactionId)})`);
    }
    const where = whereClause(conditions);
    const order = 'created_at DESC, station_id DESC, transaction_id DESC';
    const page = `SELECT ${TRANSACTION_COLUMNS}, created_at FROM ${TRANSACTION} ${where} ORDER BY ${order} LIMIT ${bind(filter.limit)}`;
    return queryRows<TransactionRow>(this.dataSource, withLatestRegister(page, order), parameters);
  }

  /**
   * The transactions with this id (two when two stations chose the same 2.0.1 id), or the one of
   * the station; of `tenant`'s stations only, when given.
   */
  async find(transactionId: string, stationId: string | undefined, tenant?: string): Promise<TransactionRow[]> {
    const { values, bind } = sqlParameters();
    const conditions = [`transaction_id = ${bind(transactionId)}`, ...(stationId === undefined ? [] : [`station_id = ${bind(stationId)}`]), ...stationsOfTenant('station_id', tenant, bind)];
    return queryRows<TransactionRow>(
      this.dataSource,
      withLatestRegister(`SELECT ${TRANSACTION_COLUMNS} FROM ${TRANSACTION} ${whereClause(conditions)} ORDER BY station_id LIMIT 2`, 'station_id'),
      values,
    );
  }

  async samples(stationId: string, transactionId: string, limit: number): Promise<{ count: number; rows: MeterSampleRow[] }> {
    const [counted] = await queryRows<{ count: string }>(this.dataSource, `SELECT count(*) AS count FROM ${METER_SAMPLE} WHERE station_id = $1 AND transaction_id = $2`, [
      stationId,
      transactionId,
    ]);
    const rows =
      limit === 0
        ? []
        : await queryRows<MeterSampleRow>(
            this.dataSource,
            `SELECT sampled_at, evse_id, measurand, phase, location, context, value, unit FROM ${METER_SAMPLE}
              WHERE station_id = $1 AND transaction_id = $2 ORDER BY sampled_at, measurand, phase, location LIMIT $3`,
            [stationId, transactionId, limit],
          );
    return { count: Number(counted?.count ?? 0), rows };
  }
}

/**
 * The cursor's sort key, checked before it reaches SQL: the cursor is the client's to tamper
 * with, and a time PostgreSQL cannot cast (or a NUL in a text) would fail the query with a 500.
 */
function cursorKey(before: readonly string[]): [string, string, string] {
  const [createdAt, stationId, transactionId] = before;
  if (createdAt === undefined || stationId === undefined || transactionId === undefined || !isTimestampText(createdAt) || [stationId, transactionId].some((part) => part.includes('\u0000'))) {
    throw invalidRequest([{ field: 'query.cursor', message: 'not a cursor this list gave out' }]);
  }
  return [createdAt, stationId, transactionId];
}

function isTimestampText(text: string): boolean {
  const match = TIMESTAMPTZ_TEXT.exec(text);
  if (!match) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0] = match.slice(1, 8).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return realDay && hour < 24 && minute < 60 && second < 60 && offsetHours <= 15;
}
