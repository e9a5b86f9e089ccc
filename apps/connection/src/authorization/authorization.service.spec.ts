import type { RuntimeConfig } from '@app/config';
import { AuthorizationService } from './authorization.service';
import type { StoredIdToken } from './id-token';
import type { IdTokenRepository } from './id-token.repository';

function service(registered: StoredIdToken[]) {
  const tokens = { find: jest.fn(async (value: string) => registered.find((token) => token.value.toLowerCase() === value.toLowerCase())) };
  const config = { stationCore: { unknownIdTokens: 'reject' } } as unknown as RuntimeConfig;
  return new AuthorizationService(config, tokens as unknown as IdTokenRepository);
}

const card: StoredIdToken = { value: 'CARD-1', type: 'ISO14443', status: 'Accepted', expiresAt: null, groupIdToken: null };
const now = new Date('2025-06-01T12:00:00Z');

describe('AuthorizationService', () => {
  it('gives a token of the registered type its status', async () => {
    expect((await service([card]).decide({ value: 'card-1', type: 'ISO14443' }, now)).status).toBe('Accepted');
  });

  it.each(['KeyCode', 'Local', 'Central'])('does not give a %s token the status of a card with the same string', async (type) => {
    expect((await service([card]).decide({ value: 'CARD-1', type }, now)).status).toBe('Invalid');
  });

  it('matches a 1.6 idTag, which has no type, with a token of any type', async () => {
    expect((await service([card]).decide({ value: 'CARD-1', type: 'IdTag' }, now)).status).toBe('Accepted');
  });

  it('matches a token registered as an idTag with a 2.0.1 token of any type', async () => {
    const tag: StoredIdToken = { ...card, type: 'IdTag', status: 'Blocked' };
    expect((await service([tag]).decide({ value: 'CARD-1', type: 'KeyCode' }, now)).status).toBe('Blocked');
  });
});
