import { InjectDataSource, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { StoredIdToken } from './id-token';

interface IdTokenRow {
  value: string;
  type: string;
  status: StoredIdToken['status'];
  expires_at: Date | null;
  group_id_token: string | null;
}

/**
 * Registered id tokens, matched case-insensitively (OCPP idTags and idTokens are case-insensitive
 * strings). A value is registered once, whatever its type; AuthorizationService checks the type.
 */
const FIND_ID_TOKEN = namedStatement(
  'id_token_find',
  `SELECT value, type, status, expires_at, group_id_token FROM "${CONNECTION_SCHEMA}"."id_token" WHERE lower(value) = lower($1)`,
);

@Injectable()
export class IdTokenRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** The token registered under this value, of whichever type. */
  async find(value: string): Promise<StoredIdToken | undefined> {
    const rows = await queryRows<IdTokenRow>(
      this.dataSource,
      FIND_ID_TOKEN,
      [value],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      value: row.value,
      type: row.type,
      status: row.status,
      expiresAt: row.expires_at ? new Date(row.expires_at) : null,
      groupIdToken: row.group_id_token,
    };
  }

  /** Registers a token or replaces what is registered for it (for the operator API). */
  async save(token: StoredIdToken): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."id_token" (value, type, status, expires_at, group_id_token) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(value)) DO UPDATE
         SET type = EXCLUDED.type, status = EXCLUDED.status, expires_at = EXCLUDED.expires_at, group_id_token = EXCLUDED.group_id_token, updated_at = now()`,
      [token.value, token.type, token.status, token.expiresAt, token.groupIdToken],
    );
  }
}
