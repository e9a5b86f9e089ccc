import { InjectDataSource, queryRows } from '@app/persistence';
import type { Tenancy } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';

/** PKI objects that belong to one station, found by their own id. */
export type StationOwned = 'issued-certificate' | 'signing-request' | 'renewal-attempt' | 'profile-upgrade';

const TABLES: Readonly<Record<StationOwned, { table: string; column: string; type: string }>> = {
  'issued-certificate': { table: 'issued_certificate', column: 'serial_number', type: 'text' },
  'signing-request': { table: 'certificate_signing_request', column: 'id', type: 'text' },
  'renewal-attempt': { table: 'renewal_attempt', column: 'id', type: 'uuid' },
  'profile-upgrade': { table: 'profile_upgrade', column: 'id', type: 'uuid' },
};

/**
 * The SQL condition confining rows to the stations a caller may see, on the column holding their
 * station id; nothing when it sees every station. Inside the query: keyset pages stay full.
 */
export function stationsIn(column: string, stationIds: readonly string[] | undefined, bind: (value: unknown) => string): string[] {
  return stationIds === undefined ? [] : [`${column} = ANY(${bind([...stationIds])}::text[])`];
}

/** Whose each PKI object is: the tenant of its station, told by whether that station is among the tenant's. */
@Injectable()
export class StationOwnedRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  async tenancyOf(kind: StationOwned, ids: readonly string[], tenant: string, tenantStations: readonly string[]): Promise<Map<string, Tenancy>> {
    const { table, column, type } = TABLES[kind];
    const rows = await queryRows<{ id: string; station_id: string }>(
      this.dataSource,
      `SELECT ${column}::text AS id, station_id FROM "${PKI_SCHEMA}"."${table}" WHERE ${column} = ANY($1::${type}[])`,
      [[...ids]],
    );
    return ownership(ids, rows, tenant, tenantStations);
  }
}

/** `tenant` for objects of its stations, null (someone else's) for the others, absent for unknown ids. */
export function ownership(ids: readonly string[], rows: readonly { id: string; station_id: string }[], tenant: string, tenantStations: readonly string[]): Map<string, Tenancy> {
  const mine = new Set(tenantStations);
  const found = new Map(rows.map((row) => [row.id, { tenant: mine.has(row.station_id) ? tenant : null }] as const));
  return new Map(ids.map((id) => [id, found.get(id) ?? 'absent']));
}
