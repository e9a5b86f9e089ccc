import { InjectDataSource, pgText, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import type { SecurityEventRecord } from './security-event.record';
import { stationsIn } from '../tenancy/station-owned.repository';

export interface SecurityEventRow {
  event_id: string;
  station_id: string;
  type: string;
  occurred_at: Date;
  tech_info: string | null;
  raised_by_csms: boolean;
  received_at: Date;
  /** occurred_at as PostgreSQL prints it: the exact sort key for cursors. */
  occurred_key: string;
}

export interface SecurityEventFilter {
  stationId?: string;
  type?: string;
  from?: Date;
  to?: Date;
  /** Keyset: [occurred_at, event_id] of the last row of the previous page. */
  before?: string[];
  /** Only rows of these stations (the caller's tenant's); undefined: every station's. */
  stationIds?: readonly string[];
  limit: number;
}

const SECURITY_EVENT = `"${PKI_SCHEMA}"."security_event"`;

/** The security events the PKI keeps, newest first. */
@Injectable()
export class SecurityEventRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Inside the transaction that records the event in the inbox: both commit, or neither. */
  async insert(manager: EntityManager, record: SecurityEventRecord): Promise<void> {
    await manager.query(
      `INSERT INTO ${SECURITY_EVENT} (event_id, station_id, type, occurred_at, tech_info, raised_by_csms) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id) DO NOTHING`,
      [pgText(record.eventId), pgText(record.stationId), pgText(record.type), record.occurredAt, pgText(record.techInfo), record.raisedByCsms],
    );
  }

  async list(filter: SecurityEventFilter): Promise<SecurityEventRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsIn('station_id', filter.stationIds, bind));
    if (filter.type !== undefined) conditions.push(`type = ${bind(filter.type)}`);
    if (filter.from !== undefined) conditions.push(`occurred_at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`occurred_at < ${bind(filter.to)}`);
    if (filter.before !== undefined) {
      const [occurredAt, eventId] = filter.before;
      conditions.push(`(occurred_at, event_id) < (${bind(occurredAt)}::timestamptz, ${bind(eventId)})`);
    }
    const where = whereClause(conditions);
    const rows: SecurityEventRow[] = await this.dataSource.query(
      `SELECT event_id, station_id, type, occurred_at, tech_info, raised_by_csms, received_at, occurred_at::text AS occurred_key
         FROM ${SECURITY_EVENT} ${where} ORDER BY occurred_at DESC, event_id DESC LIMIT ${bind(filter.limit)}`,
      parameters,
    );
    return rows;
  }
}
