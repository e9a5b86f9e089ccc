import type { OcppVersion } from '@app/ocpp';
import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { stationsOfTenant } from '../tenancy/station-tenant.repository';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { LocalListEntry, RegisteredToken } from './local-list.entries';

/** How the last synchronisation of a station's list ended. */
export type SyncOutcome = 'in-sync' | 'failed' | 'not-supported';

export interface LocalListRow {
  station_id: string;
  ocpp_version: OcppVersion | null;
  version: number | null;
  entries: LocalListEntry[];
  entry_count: number;
  digest: string | null;
  outcome: SyncOutcome | null;
  last_error: string | null;
  attempted_at: Date | null;
  synced_at: Date | null;
}

export interface LocalListFilter {
  stationIds?: readonly string[];
  /** Keyset: the station id of the last row of the previous page. */
  after?: string;
  /** Only rows of this tenant's stations; undefined: every station's. */
  tenant?: string;
  limit: number;
}

const LOCAL_LIST = `"${CONNECTION_SCHEMA}"."local_list"`;
const ID_TOKEN = `"${CONNECTION_SCHEMA}"."id_token"`;
const SUMMARY = 'station_id, ocpp_version, version, entry_count, digest, outcome, last_error, attempted_at, synced_at';

/** connection.local_list: what each station's list holds as far as the CSMS knows, and the lease of whoever updates it. */
@Injectable()
export class LocalListRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** Every registered id token: the source of every station's list (ADR 029). */
  async registeredTokens(): Promise<RegisteredToken[]> {
    const rows = await queryRows<{ value: string; type: string; status: string; expires_at: Date | null }>(
      this.dataSource,
      `SELECT value, type, status, expires_at FROM ${ID_TOKEN} ORDER BY lower(value)`,
    );
    return rows.map((row) => ({ value: row.value, type: row.type, status: row.status, expiresAt: row.expires_at === null ? null : new Date(row.expires_at) }));
  }

  /**
   * Whether the station's list can be out of date: some token is registered (it should hold a
   * list), or the CSMS once gave it one. Otherwise reconciliation asks nothing at all.
   */
  async mayNeedList(stationId: string): Promise<boolean> {
    const [row] = await queryRows<{ needed: boolean }>(
      this.dataSource,
      `SELECT EXISTS (SELECT 1 FROM ${ID_TOKEN}) OR EXISTS (SELECT 1 FROM ${LOCAL_LIST} WHERE station_id = $1 AND version IS NOT NULL) AS needed`,
      [stationId],
    );
    return row?.needed === true;
  }

  async find(stationId: string): Promise<LocalListRow | undefined> {
    const [row] = await queryRows<LocalListRow>(this.dataSource, `SELECT ${SUMMARY}, entries FROM ${LOCAL_LIST} WHERE station_id = $1`, [stationId]);
    return row;
  }

  /** Summaries without entries, ordered by station id. */
  async list(filter: LocalListFilter): Promise<Omit<LocalListRow, 'entries'>[]> {
    const { values, bind } = sqlParameters();
    const conditions: string[] = [];
    if (filter.stationIds !== undefined) conditions.push(`station_id = ANY(${bind([...filter.stationIds])}::text[])`);
    conditions.push(...stationsOfTenant('station_id', filter.tenant, bind));
    if (filter.after !== undefined) conditions.push(`station_id > ${bind(filter.after)}`);
    return queryRows(this.dataSource, `SELECT ${SUMMARY} FROM ${LOCAL_LIST} ${whereClause(conditions)} ORDER BY station_id LIMIT ${bind(filter.limit)}`, values);
  }

  /** Takes the station's lease for `leaseMs` unless another holder's is still running; true when taken. */
  async acquire(stationId: string, version: OcppVersion, leaseMs: number): Promise<boolean> {
    const rows = await queryRows<{ station_id: string }>(
      this.dataSource,
      `INSERT INTO ${LOCAL_LIST} AS list (station_id, ocpp_version, lease_until) VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (station_id) DO UPDATE SET lease_until = EXCLUDED.lease_until, ocpp_version = EXCLUDED.ocpp_version
       WHERE list.lease_until IS NULL OR list.lease_until < now()
       RETURNING station_id`,
      [stationId, version, leaseMs],
    );
    return rows.length > 0;
  }

  async release(stationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${LOCAL_LIST} SET lease_until = NULL WHERE station_id = $1`, [stationId]);
  }

  /** The station accepted `version` and now holds `entries`. */
  async saveAccepted(stationId: string, version: number | null, entries: readonly LocalListEntry[], digest: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${LOCAL_LIST} SET version = $2, entries = $3::jsonb, entry_count = $4, digest = $5, synced_at = now(), updated_at = now() WHERE station_id = $1`,
      [stationId, version, JSON.stringify(entries), entries.length, digest],
    );
  }

  /**
   * The station's list was changed by someone else (a raw send-local-list command): what it holds
   * is unknown, so the next synchronisation sends the full list, and until then the list is pending.
   */
  async forgetHeld(stationId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${LOCAL_LIST} AS list (station_id, digest, last_error) VALUES ($1, '', $2)
       ON CONFLICT (station_id) DO UPDATE SET version = NULL, entries = '[]'::jsonb, entry_count = 0, digest = '', last_error = $2, updated_at = now()`,
      [stationId, reason],
    );
  }

  async recordOutcome(stationId: string, outcome: SyncOutcome, error: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE ${LOCAL_LIST} SET outcome = $2, last_error = $3, attempted_at = now(), updated_at = now() WHERE station_id = $1`, [
      stationId,
      outcome,
      error,
    ]);
  }
}
