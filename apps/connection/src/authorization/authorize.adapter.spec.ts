import { validateResponse } from '@app/ocpp';
import { idTagInfoOf, idTokenInfoOf, idTokenOf16, idTokenOf201 } from './authorize.adapter';
import type { AuthorizationDecision } from './id-token';

const expiresAt = new Date('2025-07-01T00:00:00.000Z');
const accepted: AuthorizationDecision = { status: 'Accepted', expiresAt, groupIdToken: 'FLEET-7' };

describe('Authorize adapters', () => {
  it('reads a 1.6 idTag and a 2.0.1 idToken into one model', () => {
    expect(idTokenOf16('04A1B2C3')).toEqual({ value: '04A1B2C3', type: 'IdTag' });
    expect(idTokenOf201({ idToken: '04A1B2C3', type: 'ISO14443' })).toEqual({ value: '04A1B2C3', type: 'ISO14443' });
  });

  it('answers 1.6 with idTagInfo: expiry and parent id tag', () => {
    const answer = { idTagInfo: idTagInfoOf(accepted) };
    expect(answer).toEqual({ idTagInfo: { status: 'Accepted', expiryDate: '2025-07-01T00:00:00.000Z', parentIdTag: 'FLEET-7' } });
    expect(validateResponse('1.6', 'Authorize', answer)).toEqual({ ok: true });
  });

  it('answers 2.0.1 with idTokenInfo: cache expiry and group id token', () => {
    const answer = { idTokenInfo: idTokenInfoOf(accepted) };
    expect(answer).toEqual({
      idTokenInfo: { status: 'Accepted', cacheExpiryDateTime: '2025-07-01T00:00:00.000Z', groupIdToken: { idToken: 'FLEET-7', type: 'Central' } },
    });
    expect(validateResponse('2.0.1', 'Authorize', answer)).toEqual({ ok: true });
  });

  it.each(['NoCredit', 'NotAllowedTypeEVSE', 'NotAtThisLocation', 'NotAtThisTime', 'Unknown'] as const)(
    'answers the 2.0.1-only status %s as Invalid in 1.6 and as itself in 2.0.1',
    (status) => {
      const decision: AuthorizationDecision = { status, expiresAt: undefined, groupIdToken: undefined };
      expect(idTagInfoOf(decision)).toEqual({ status: 'Invalid' });
      expect(idTokenInfoOf(decision)).toEqual({ status });
    },
  );
});
