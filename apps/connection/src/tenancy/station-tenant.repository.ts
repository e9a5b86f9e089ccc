import { InjectDataSource, queryRows } from '@app/persistence';
import type { Tenancy } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { COMMAND_LOG_TABLE } from '../persistence/history-tables';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';

const STATION = `"${CONNECTION_SCHEMA}"."station"`;

/** Objects of the operator API that belong to a station, found by their own id. */
export type StationObject = 'reservation' | 'command';

/** Where each such object keeps the id of its station. */
const OBJECT_TABLES: Readonly<Record<StationObject, { table: string; column: string; type: string }>> = {
  reservation: { table: `"${CONNECTION_SCHEMA}"."reservation"`, column: 'id', type: 'bigint' },
  command: { table: `"${CONNECTION_SCHEMA}"."${COMMAND_LOG_TABLE}"`, column: 'command_id', type: 'text' },
};

/**
 * The SQL condition confining rows to the stations of `tenant`, on the column holding their
 * station id; nothing when the caller sees every tenant. Applied inside the query, so keyset
 * pages stay full and a cursor never reaches another tenant's rows.
 */
export function stationsOfTenant(column: string, tenant: string | undefined, bind: (value: unknown) => string): string[] {
  return tenant === undefined ? [] : [`${column} IN (SELECT id FROM ${STATION} WHERE tenant = ${bind(tenant)})`];
}

function byId(ids: readonly string[], rows: readonly { id: string; tenant: string | null }[]): Map<string, Tenancy> {
  const found = new Map(rows.map((row) => [row.id, { tenant: row.tenant }] as const));
  return new Map(ids.map((id) => [id, found.get(id) ?? 'absent']));
}

/** The station registry as tenant scoping reads it: which tenant a station, or a station's object, belongs to. */
@Injectable()
export class StationTenantRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async tenancyOf(stationIds: readonly string[]): Promise<Map<string, Tenancy>> {
    const rows = await queryRows<{ id: string; tenant: string | null }>(this.dataSource, `SELECT id, tenant FROM ${STATION} WHERE id = ANY($1::text[])`, [[...stationIds]]);
    return byId(stationIds, rows);
  }

  /** The tenant of the station of each reservation or command (absent: no such object). */
  async tenancyOfObjects(kind: StationObject, ids: readonly string[]): Promise<Map<string, Tenancy>> {
    const { table, column, type } = OBJECT_TABLES[kind];
    const rows = await queryRows<{ id: string; tenant: string | null }>(
      this.dataSource,
      `SELECT o.${column}::text AS id, s.tenant FROM ${table} o LEFT JOIN ${STATION} s ON s.id = o.station_id WHERE o.${column} = ANY($1::${type}[])`,
      [[...ids]],
    );
    return byId(ids, rows);
  }

  /** Every station of a tenant, by id. */
  async stationsOf(tenant: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `SELECT id FROM ${STATION} WHERE tenant = $1 ORDER BY id`, [tenant]);
    return rows.map((row) => row.id);
  }

  /** Assigns a station to a tenant (null: to none); false when the station is not registered. */
  async assign(stationId: string, tenant: string | null): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `UPDATE ${STATION} SET tenant = $2, updated_at = now() WHERE id = $1 RETURNING id`, [stationId, tenant]);
    return rows.length > 0;
  }
}
