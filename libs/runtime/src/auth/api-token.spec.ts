import { ApiTokenSet, sha256 } from './api-token';

describe('ApiTokenSet: expiry', () => {
  const expiresAt = new Date('2027-01-31T00:00:00Z');
  const tokens = new ApiTokenSet([
    { name: 'ci', sha256: sha256('ci-token'), roles: ['operator'], expiresAt },
    { name: 'noc', sha256: sha256('noc-token'), roles: ['viewer'] },
  ]);

  it('admits a token until its expiry', () => {
    expect(tokens.check('ci-token', new Date('2027-01-30T23:59:59.999Z'))).toEqual({ outcome: 'valid', principal: { name: 'ci', roles: ['operator'], expiresAt } });
  });

  it('refuses it as expired from the instant of expiry on', () => {
    expect(tokens.check('ci-token', expiresAt)).toEqual({ outcome: 'expired', name: 'ci' });
    expect(tokens.authenticate('ci-token', new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('never expires a token without expiresAt, and does not know other tokens', () => {
    expect(tokens.check('noc-token', new Date('2999-01-01T00:00:00Z')).outcome).toBe('valid');
    expect(tokens.check('ci-tokenx', new Date('2000-01-01T00:00:00Z'))).toEqual({ outcome: 'unknown' });
  });
});
