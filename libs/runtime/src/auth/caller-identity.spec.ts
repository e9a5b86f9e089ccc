import { callerIdentityOf } from './caller-identity';
import { ApiTokenSet, sha256 } from './api-token';

describe('callerIdentityOf', () => {
  it('describes an API token with its tenant, sites and expiry, never the token', () => {
    const expiresAt = new Date('2027-01-31T00:00:00Z');
    const principal = new ApiTokenSet([{ name: 'dso', sha256: sha256('secret-token-0123456789'), roles: ['grid-operator'], sites: ['SITE-1'], tenant: 'acme', expiresAt }]).authenticate(
      'secret-token-0123456789',
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(principal).toBeDefined();
    const identity = callerIdentityOf(principal ?? { name: '', roles: [] });
    expect(identity).toEqual({ name: 'dso', roles: ['grid-operator'], tenant: 'acme', sites: ['SITE-1'], authenticatedBy: 'api-token', expiresAt: '2027-01-31T00:00:00.000Z' });
    expect(JSON.stringify(identity)).not.toContain('secret');
  });

  it('says null for no tenant and no expiry, and oidc for an OIDC principal', () => {
    expect(callerIdentityOf({ name: 'noc', roles: ['viewer'] })).toEqual({ name: 'noc', roles: ['viewer'], tenant: null, sites: [], authenticatedBy: 'api-token', expiresAt: null });
    const exp = new Date('2026-12-06T16:00:00Z');
    expect(callerIdentityOf({ name: 'oidc:alice', roles: ['operator'], credential: 'oidc', expiresAt: exp })).toMatchObject({ authenticatedBy: 'oidc', expiresAt: exp.toISOString() });
  });
});
