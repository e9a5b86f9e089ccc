import { InjectDataSource, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';

/** Which site each station's charger is in: station events name stations, planning works per site. */
@Injectable()
export class StationSites {
  private sites = new Map<string, string>();

  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource) {}

  siteOf(stationId: string): string | undefined {
    return this.sites.get(stationId);
  }

  allSites(): string[] {
    return [...new Set(this.sites.values())];
  }

  /** Reads the chargers of every site again (after a topology change). */
  async refresh(): Promise<void> {
    const rows = await queryRows<{ station_id: string; site_id: string }>(
      this.dataSource,
      `SELECT station_id, site_id FROM "${SMART_CHARGING_SCHEMA}"."node" WHERE kind = 'charger' AND station_id IS NOT NULL`,
    );
    this.sites = new Map(rows.map((row) => [row.station_id, row.site_id]));
  }
}
