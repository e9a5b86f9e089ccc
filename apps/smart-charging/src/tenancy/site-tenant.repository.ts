import { InjectDataSource, queryRows } from '@app/persistence';
import type { Tenancy } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';

const SITE = `"${SMART_CHARGING_SCHEMA}"."site"`;
const NODE = `"${SMART_CHARGING_SCHEMA}"."node"`;

function byId(ids: readonly string[], rows: readonly { id: string; tenant: string | null }[]): Map<string, Tenancy> {
  const found = new Map(rows.map((row) => [row.id, { tenant: row.tenant }] as const));
  return new Map(ids.map((id) => [id, found.get(id) ?? 'absent']));
}

/** Which tenant a site, or a station through the site it is the charger of, belongs to. */
@Injectable()
export class SiteTenantRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource) {}

  async tenancyOfSites(siteIds: readonly string[]): Promise<Map<string, Tenancy>> {
    const rows = await queryRows<{ id: string; tenant: string | null }>(this.dataSource, `SELECT site_id AS id, tenant FROM ${SITE} WHERE site_id = ANY($1::text[])`, [[...siteIds]]);
    return byId(siteIds, rows);
  }

  /** A station belongs to the tenant of the site it is the charger of; in no site: absent. */
  async tenancyOfStations(stationIds: readonly string[]): Promise<Map<string, Tenancy>> {
    const rows = await queryRows<{ id: string; tenant: string | null }>(
      this.dataSource,
      `SELECT n.station_id AS id, s.tenant FROM ${NODE} n JOIN ${SITE} s ON s.site_id = n.site_id WHERE n.station_id = ANY($1::text[])`,
      [[...stationIds]],
    );
    return byId(stationIds, rows);
  }

  /** Assigns a site to a tenant (null: to none); false when there is no such site. */
  async assign(siteId: string, tenant: string | null): Promise<boolean> {
    const rows = await queryRows<{ site_id: string }>(this.dataSource, `UPDATE ${SITE} SET tenant = $2, updated_at = now() WHERE site_id = $1 RETURNING site_id`, [siteId, tenant]);
    return rows.length > 0;
  }
}
