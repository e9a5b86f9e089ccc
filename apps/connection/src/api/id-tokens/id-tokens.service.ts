import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { isoOrNull } from '../api-schemas';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { IdTokenRepository } from '../station-core.port';
import { IdTokenStoreRepository, type IdTokenRow } from './id-token-store.repository';
import type { IdTokenView, ListIdTokensQuery, PutIdTokenBody } from './id-token.schemas';

function idTokenViewOf(row: IdTokenRow): IdTokenView {
  return {
    value: row.value,
    type: row.type,
    status: row.status as IdTokenView['status'],
    expiresAt: isoOrNull(row.expires_at),
    groupIdToken: row.group_id_token,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The id tokens Authorize and transactions are decided by. Changes apply to the next Authorize at once. */
@Injectable()
export class IdTokensService {
  constructor(
    private readonly store: IdTokenStoreRepository,
    private readonly core: IdTokenRepository,
  ) {}

  async list(query: ListIdTokensQuery): Promise<Page<IdTokenView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.store.list({ status: query.status, prefix: query.prefix, after: query.cursor?.[0], limit: limit + 1 });
    return pageOf(rows, limit, idTokenViewOf, (row) => [row.sort_key]);
  }

  /** Registers the token or replaces its registration; `created` says which. */
  async put(value: string, body: PutIdTokenBody): Promise<{ created: boolean; token: IdTokenView }> {
    const existed = (await this.store.find(value)) !== undefined;
    await this.core.save({
      value,
      type: body.type,
      status: body.status,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      groupIdToken: body.groupIdToken ?? null,
    });
    const saved = await this.store.find(value);
    if (saved === undefined) throw new Error(`id token ${value} vanished right after it was saved`);
    return { created: !existed, token: idTokenViewOf(saved) };
  }

  async delete(value: string): Promise<ApiResult<void>> {
    return (await this.store.delete(value)) ? succeeded(undefined) : failed(OperatorApiErrorCode.idTokenNotFound, `id token ${value} is not registered`);
  }
}
