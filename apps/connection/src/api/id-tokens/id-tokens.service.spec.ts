import type { IdTokenRepository, StoredIdToken } from '../station-core.port';
import type { IdTokenRow, IdTokenStoreRepository } from './id-token-store.repository';
import { IdTokensService } from './id-tokens.service';

function setup(existing: IdTokenRow[]) {
  const rows = [...existing];
  const saved: StoredIdToken[] = [];
  const store = {
    list: jest.fn(async () => rows),
    find: jest.fn(async (value: string) => rows.find((row) => row.value.toLowerCase() === value.toLowerCase())),
    delete: jest.fn(async (value: string) => rows.some((row) => row.value.toLowerCase() === value.toLowerCase())),
  };
  const core = {
    save: jest.fn(async (token: StoredIdToken) => {
      saved.push(token);
      const at = new Date('2025-06-01T10:00:00Z');
      rows.push({ value: token.value, type: token.type, status: token.status, expires_at: token.expiresAt, group_id_token: token.groupIdToken, created_at: at, updated_at: at, sort_key: token.value.toLowerCase() });
    }),
  };
  return { service: new IdTokensService(store as unknown as IdTokenStoreRepository, core as unknown as IdTokenRepository), saved };
}

describe('IdTokensService', () => {
  it('registers a new token through the core and says it was created', async () => {
    const { service, saved } = setup([]);
    const result = await service.put('TAG-1', { status: 'Accepted', type: 'ISO14443', expiresAt: '2026-01-01T00:00:00Z' });
    expect(saved).toEqual([{ value: 'TAG-1', type: 'ISO14443', status: 'Accepted', expiresAt: new Date('2026-01-01T00:00:00Z'), groupIdToken: null }]);
    expect(result).toMatchObject({ created: true, token: { value: 'TAG-1', status: 'Accepted', expiresAt: '2026-01-01T00:00:00.000Z' } });
  });

  it('answers 404 for deleting a token that is not registered', async () => {
    const { service } = setup([]);
    expect(await service.delete('NOBODY')).toMatchObject({ ok: false, error: { code: 'id-token-not-found' } });
  });
});
