import { InjectDataSource, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { stationsOfTenant } from '../tenancy.port';
import { COMMAND_LOG_TABLE, CONNECTION_SCHEMA, queryRows } from '../station-core.port';

export interface CommandRow {
  command_id: string;
  station_id: string;
  origin_service: string;
  actor: string | null;
  command: string;
  action: string | null;
  request: Record<string, unknown> | null;
  issued_at: Date;
  completed_at: Date;
  status: string;
  response: Record<string, unknown> | null;
  error_code: string | null;
  error_description: string | null;
  replica: number;
  /** issued_at as PostgreSQL prints it: the exact sort key for cursors. */
  issued_key: string;
}

export interface CommandFilter {
  stationId?: string;
  status?: string;
  from?: Date;
  to?: Date;
  /** Keyset: [issued_at, command_id] of the last row of the previous page. */
  before?: string[];
  /** Only rows of this tenant's stations; undefined: every station's. */
  tenant?: string;
  limit: number;
}

const COMMAND_LOG = `"${CONNECTION_SCHEMA}"."${COMMAND_LOG_TABLE}"`;
const COLUMNS = `command_id, station_id, origin_service, actor, command, action, request, issued_at, completed_at, status, response, error_code,
  error_description, replica, issued_at::text AS issued_key`;

/** The operator API's reads of the command history, newest first. */
@Injectable()
export class CommandHistoryReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: CommandFilter): Promise<CommandRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsOfTenant('station_id', filter.tenant, bind));
    if (filter.status !== undefined) conditions.push(`status = ${bind(filter.status)}`);
    if (filter.from !== undefined) conditions.push(`issued_at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`issued_at < ${bind(filter.to)}`);
    if (filter.before !== undefined) {
      const [issuedAt, commandId] = filter.before;
      conditions.push(`(issued_at, command_id) < (${bind(issuedAt)}::timestamptz, ${bind(commandId)})`);
    }
    const where = whereClause(conditions);
    return queryRows<CommandRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${COMMAND_LOG} ${where} ORDER BY issued_at DESC, command_id DESC LIMIT ${bind(filter.limit)}`, parameters);
  }

  async find(commandId: string): Promise<CommandRow | undefined> {
    const [row] = await queryRows<CommandRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${COMMAND_LOG} WHERE command_id = $1`, [commandId]);
    return row;
  }
}
