import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { stationsIn } from '../tenancy/station-owned.repository';

/** A station as the PKI knows it: how it last connected and when its certificates were last read. */
export interface StationSecurity {
  readonly stationId: string;
  readonly protocol: string;
  readonly securityProfile: number;
  /** The lowest profile the station's registration allowed when it connected (unknown from older gateways). */
  readonly minimumSecurityProfile?: number;
  readonly connectedAt: Date;
  readonly inventoryReadAt?: Date;
  readonly inventoryError?: string;
  readonly installedCount: number;
}

interface Row {
  station_id: string;
  protocol: string;
  security_profile: number;
  minimum_security_profile: number | null;
  connected_at: Date;
  inventory_read_at: Date | null;
  inventory_error: string | null;
  installed_count: string;
}

const TABLE = `"${PKI_SCHEMA}"."station_security"`;
const INSTALLED = `"${PKI_SCHEMA}"."installed_certificate"`;

/** Stations seen connecting (ocpp.events `connected`): the fleet root distribution reaches and the inventory covers. */
@Injectable()
export class StationSecurityRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Keeps the latest connection only: a redelivered older `connected` does not go back. */
  async connected(stationId: string, connection: { protocol: string; securityProfile: number; minimumSecurityProfile?: number }, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${TABLE} (station_id, protocol, security_profile, minimum_security_profile, connected_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (station_id) DO UPDATE SET protocol = EXCLUDED.protocol, security_profile = EXCLUDED.security_profile,
         minimum_security_profile = EXCLUDED.minimum_security_profile, connected_at = EXCLUDED.connected_at
       WHERE ${TABLE}.connected_at <= EXCLUDED.connected_at`,
      [stationId, connection.protocol, connection.securityProfile, connection.minimumSecurityProfile ?? null, at],
    );
  }

  async readFailed(stationId: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${TABLE} SET inventory_error = $2 WHERE station_id = $1`, [stationId, error.slice(0, 500)]);
  }

  async stationIds(): Promise<string[]> {
    const rows = await queryRows<{ station_id: string }>(this.dataSource, `SELECT station_id FROM ${TABLE} ORDER BY station_id`);
    return rows.map((row) => row.station_id);
  }

  async find(stationId: string): Promise<StationSecurity | undefined> {
    return (await this.list({ stationId, limit: 1 }))[0];
  }

  async list(filter: { stationId?: string; minimumSecurityProfile?: number; after?: string; stationIds?: readonly string[]; limit: number }): Promise<StationSecurity[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`s.station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('s.station_id', filter.stationIds, bind));
    if (filter.minimumSecurityProfile !== undefined) conditions.push(`s.minimum_security_profile = ${bind(filter.minimumSecurityProfile)}`);
    if (filter.after !== undefined) conditions.push(`s.station_id > ${bind(filter.after)}`);
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT s.*, (SELECT count(*) FROM ${INSTALLED} i WHERE i.station_id = s.station_id) AS installed_count
       FROM ${TABLE} s ${whereClause(conditions)} ORDER BY s.station_id LIMIT ${bind(filter.limit)}`,
      values,
    );
    return rows.map((row) => ({
      stationId: row.station_id,
      protocol: row.protocol,
      securityProfile: row.security_profile,
      minimumSecurityProfile: row.minimum_security_profile ?? undefined,
      connectedAt: new Date(row.connected_at),
      inventoryReadAt: row.inventory_read_at ? new Date(row.inventory_read_at) : undefined,
      inventoryError: row.inventory_error ?? undefined,
      installedCount: Number(row.installed_count),
    }));
  }
}
