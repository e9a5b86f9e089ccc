import { InjectDataSource, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { COMMAND_LOG_TABLE } from '../persistence/history-tables';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { OwnedObject, StationTenancy } from './tenant-policy';

const STATION = `"${CONNECTION_SCHEMA}"."station"`;

/** Where each owned object keeps the id of its station. */
const OWNER_TABLES: Readonly<Record<OwnedObject, { table: string; id: string; cast: string }>> = {
  reservation: { table: `"${CONNECTION_SCHEMA}"."reservation"`, id: 'id', cast: '::bigint' },
  command: { table: `"${CONNECTION_SCHEMA}"."${COMMAND_LOG_TABLE}"`, id: 'command_id', cast: '' },
};

/**
 * The SQL condition confining rows to the stations of `tenant`, on the column holding their
 * station id; nothing when the caller sees every tenant. Applied inside the query, so keyset
 * pages stay full and a cursor never reaches another tenant's rows.
 */
export function stationsOfTenant(column: string, tenant: string | undefined, bind: (value: unknown) => string): string[] {
  return tenant === undefined ? [] : [`${column} IN (SELECT id FROM ${STATION} WHERE tenant = ${bind(tenant)})`];
}

/** The station registry as tenant scoping reads it: which tenant a station, or a station's object, belongs to. */
@Injectable()
export class StationTenantRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async tenancyOf(stationIds: readonly string[]): Promise<Map<string, StationTenancy>> {
    const rows = await queryRows<{ id: string; tenant: string | null }>(this.dataSource, `SELECT id, tenant FROM ${STATION} WHERE id = ANY($1::text[])`, [[...stationIds]]);
    const found = new Map(rows.map((row) => [row.id, { tenant: row.tenant }] as const));
    return new Map(stationIds.map((id) => [id, found.get(id) ?? 'absent']));
  }

  /** The station of a reservation or command; undefined when there is no such object. */
  async stationOf(owner: OwnedObject, id: string): Promise<StationTenancy | undefined> {
    const { table, id: column, cast } = OWNER_TABLES[owner];
    const [row] = await queryRows<{ tenant: string | null }>(
      this.dataSource,
      `SELECT s.tenant FROM ${table} o LEFT JOIN ${STATION} s ON s.id = o.station_id WHERE o.${column} = $1${cast}`,
      [id],
    );
    return row === undefined ? undefined : { tenant: row.tenant };
  }

  /** Assigns a station to a tenant (null: to none); false when the station is not registered. */
  async assign(stationId: string, tenant: string | null): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `UPDATE ${STATION} SET tenant = $2, updated_at = now() WHERE id = $1 RETURNING id`, [stationId, tenant]);
    return rows.length > 0;
  }
}
