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

/** A connector's last status, as the list carries it for each station of a page. */
export interface ConnectorStatusRow {
  evseId: number;
  connectorId: number;
  status: string;
}

export type StationListRow = StationRow & { connectors: ConnectorStatusRow[] };

/** Counts of the registry for the summary, by registration status and by the live protocol (null: not connected). */
export interface StationCountRow {
  registration_status: string;
  protocol: string | null;
  count: string | number;
}

export interface StationFilter {
  registrationStatus?: string;
  idPrefix?: string;
  securityProfile?: number;
  /** Case-insensitive substring of id, vendor, model, serial number or firmware version. */
  text?: string;
  /** At least one connector whose last status is this. */
  connectorStatus?: string;
  /** Registered by first contact (true) or by an operator (false). */
  autoRegistered?: boolean;
  /** Each: only these ids (`include`), or all but these (live state: connected, protocol). */
  ids?: { include: boolean; ids: string[] }[];
  /** Ids after this one (keyset pagination by id). */
  after?: string;
  /** Only the stations of this tenant; undefined: every station. */
  tenant?: string;
  limit: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

// The page's connectors in the same query: one round trip per page, an index lookup per station (the connector key starts with station_id).
const CONNECTORS_OF_STATION = `COALESCE((SELECT json_agg(json_build_object('evseId', c.evse_id, 'connectorId', c.connector_id, 'status', c.status) ORDER BY c.evse_id, c.connector_id)
  FROM "${CONNECTION_SCHEMA}"."connector" c WHERE c.station_id = s.id), '[]'::json) AS connectors`;

const STATION_COLUMNS = `id, registration_status, security_profile, password_hash IS NOT NULL AS has_password, serial_number, vendor, model,
  firmware_version, auto_registered, last_boot_at, last_seen_at, created_at, updated_at, tenant`;

/** The operator API's reads of the station registry and connector statuses (the station core's tables). */
@Injectable()
export class StationReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** One page of stations in id order, each with its connectors' last status: one query. */
  async list(filter: StationFilter): Promise<StationListRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.registrationStatus !== undefined) conditions.push(`s.registration_status = ${bind(filter.registrationStatus)}`);
    if (filter.idPrefix !== undefined) conditions.push(`starts_with(s.id, ${bind(filter.idPrefix)})`);
    if (filter.securityProfile !== undefined) conditions.push(`s.security_profile = ${bind(filter.securityProfile)}`);
    if (filter.text !== undefined) {
      const pattern = bind(likePattern(filter.text));
      conditions.push(
        `(s.id ILIKE ${pattern} OR s.vendor ILIKE ${pattern} OR s.model ILIKE ${pattern} OR s.serial_number ILIKE ${pattern} OR s.firmware_version ILIKE ${pattern})`,
      );
    }
    if (filter.connectorStatus !== undefined) {
      conditions.push(`EXISTS (SELECT 1 FROM "${CONNECTION_SCHEMA}"."connector" c WHERE c.station_id = s.id AND c.status = ${bind(filter.connectorStatus)})`);
    }
    if (filter.autoRegistered !== undefined) conditions.push(`s.auto_registered = ${bind(filter.autoRegistered)}`);
    for (const ids of filter.ids ?? []) conditions.push(`${ids.include ? '' : 'NOT '}(s.id = ANY(${bind(ids.ids)}::text[]))`);
    if (filter.after !== undefined) conditions.push(`s.id > ${bind(filter.after)}`);
    if (filter.tenant !== undefined) conditions.push(`s.tenant = ${bind(filter.tenant)}`);
    const where = whereClause(conditions);
    return queryRows<StationListRow>(
      this.dataSource,
      `SELECT ${STATION_COLUMNS}, ${CONNECTORS_OF_STATION} FROM "${CONNECTION_SCHEMA}"."station" s ${where} ORDER BY s.id LIMIT ${bind(filter.limit)}`,
      parameters,
    );
  }

  /**
   * The registry counted by registration status and live protocol in one query: `live` pairs the
   * connected station ids with their protocol (from presence), joined to the registry so that only
   * registered stations (of the tenant) count.
   */
  async counts(live: { ids: string[]; protocols: string[] }, tenant: string | undefined): Promise<StationCountRow[]> {
    const { values: parameters, bind } = sqlParameters();
    const ids = bind(live.ids);
    const protocols = bind(live.protocols);
    const where = tenant === undefined ? '' : `WHERE s.tenant = ${bind(tenant)}`;
    return queryRows<StationCountRow>(
      this.dataSource,
      `SELECT s.registration_status, l.protocol, count(*) AS count
         FROM "${CONNECTION_SCHEMA}"."station" s LEFT JOIN unnest(${ids}::text[], ${protocols}::text[]) AS l(id, protocol) ON l.id = s.id
         ${where} GROUP BY s.registration_status, l.protocol`,
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
