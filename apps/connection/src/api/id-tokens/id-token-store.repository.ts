import { InjectDataSource, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA, queryRows } from '../station-core.port';

export interface IdTokenRow {
  value: string;
  type: string;
  status: string;
  expires_at: Date | null;
  group_id_token: string | null;
  created_at: Date;
  updated_at: Date;
  sort_key: string;
}

export interface IdTokenFilter {
  status?: string;
  prefix?: string;
  /** Keyset: lower(value) of the last token of the previous page. */
  after?: string;
  limit: number;
}

const ID_TOKEN = `"${CONNECTION_SCHEMA}"."id_token"`;
const COLUMNS = 'value, type, status, expires_at, group_id_token, created_at, updated_at, lower(value) AS sort_key';

/** The operator API's reads and deletes of registered id tokens (connection.id_token); saving goes through the core's IdTokenRepository. */
@Injectable()
export class IdTokenStoreRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: IdTokenFilter): Promise<IdTokenRow[]> {
    const conditions: string[] = [];
    const { values: parameters, bind } = sqlParameters();
    if (filter.status !== undefined) conditions.push(`status = ${bind(filter.status)}`);
    if (filter.prefix !== undefined) conditions.push(`starts_with(lower(value), lower(${bind(filter.prefix)}))`);
    if (filter.after !== undefined) conditions.push(`lower(value) > ${bind(filter.after)}`);
    const where = whereClause(conditions);
    return queryRows<IdTokenRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${ID_TOKEN} ${where} ORDER BY lower(value) LIMIT ${bind(filter.limit)}`, parameters);
  }

  async find(value: string): Promise<IdTokenRow | undefined> {
    const [row] = await queryRows<IdTokenRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${ID_TOKEN} WHERE lower(value) = lower($1)`, [value]);
    return row;
  }

  /** True when a token was deleted. */
  async delete(value: string): Promise<boolean> {
    const rows = await queryRows<{ value: string }>(this.dataSource, `DELETE FROM ${ID_TOKEN} WHERE lower(value) = lower($1) RETURNING value`, [value]);
    return rows.length > 0;
  }
}
