import { claimAt, principalOfClaims } from './oidc-claims';

const claims = { roles: 'roles', sites: 'sites', tenant: undefined, name: 'sub' };

describe('claimAt', () => {
  const payload = { sub: 'alice', realm_access: { roles: ['admin'] }, 'https://csms.example.com/roles': ['viewer'], list: ['x'] };

  it('reads a top-level claim, a dotted path into nested objects, and a claim whose name has dots', () => {
    expect(claimAt(payload, 'sub')).toBe('alice');
    expect(claimAt(payload, 'realm_access.roles')).toEqual(['admin']);
    expect(claimAt(payload, 'https://csms.example.com/roles')).toEqual(['viewer']);
  });

  it('finds nothing along a path that leaves the objects', () => {
    expect(claimAt(payload, 'realm_access.roles.0')).toBeUndefined();
    expect(claimAt(payload, 'list.0')).toBeUndefined();
    expect(claimAt(payload, 'missing.roles')).toBeUndefined();
    expect(claimAt(payload, 'constructor')).toBeUndefined();
  });
});

describe('principalOfClaims', () => {
  it('takes the roles the CSMS knows and ignores the rest (an identity provider’s default roles)', () => {
    expect(principalOfClaims({ sub: 'alice', roles: ['offline_access', 'operator', 'security-officer', 'operator'] }, claims)).toEqual({
      principal: { name: 'oidc:alice', roles: ['operator', 'security-officer'], credential: 'oidc' },
    });
  });

  it('reads roles from a nested path (Keycloak realm_access.roles) or a space-separated string', () => {
    expect(principalOfClaims({ sub: 'a', realm_access: { roles: ['admin'] } }, { ...claims, roles: 'realm_access.roles' })).toEqual({ principal: { name: 'oidc:a', roles: ['admin'], credential: 'oidc' } });
    expect(principalOfClaims({ sub: 'a', scope: 'openid viewer' }, { ...claims, roles: 'scope' })).toEqual({ principal: { name: 'oidc:a', roles: ['viewer'], credential: 'oidc' } });
  });

  it('gives a token without known roles no role at all (it gets 403 everywhere)', () => {
    expect(principalOfClaims({ sub: 'a' }, claims)).toEqual({ principal: { name: 'oidc:a', roles: [], credential: 'oidc' } });
    expect(principalOfClaims({ sub: 'a', roles: { admin: true } }, claims)).toEqual({ principal: { name: 'oidc:a', roles: [], credential: 'oidc' } });
  });

  it('grants a grid operator the valid site ids of the sites claim, and other roles no sites', () => {
    expect(principalOfClaims({ sub: 'dso', roles: ['grid-operator'], sites: ['SITE-001', 'bad site', 'SITE-001'] }, claims)).toEqual({
      principal: { name: 'oidc:dso', roles: ['grid-operator'], sites: ['SITE-001'], credential: 'oidc' },
    });
    expect(principalOfClaims({ sub: 'dso', roles: ['grid-operator'] }, claims)).toEqual({ principal: { name: 'oidc:dso', roles: ['grid-operator'], sites: [], credential: 'oidc' } });
    expect(principalOfClaims({ sub: 'ops', roles: ['operator'], sites: ['SITE-001'] }, claims)).toEqual({ principal: { name: 'oidc:ops', roles: ['operator'], credential: 'oidc' } });
  });

  it('reads the tenant when a tenant claim is configured, and then refuses a token without a valid one', () => {
    const tenanted = { ...claims, tenant: 'org' };
    expect(principalOfClaims({ sub: 'a', roles: ['viewer'], org: 'acme' }, tenanted)).toEqual({ principal: { name: 'oidc:a', roles: ['viewer'], tenant: 'acme', credential: 'oidc' } });
    expect(principalOfClaims({ sub: 'a', roles: ['viewer'] }, tenanted)).toEqual({ unusable: 'the token carries no valid org claim (the tenant)' });
    expect(principalOfClaims({ sub: 'a', roles: ['viewer'], org: 'two words' }, tenanted)).toEqual({ unusable: 'the token carries no valid org claim (the tenant)' });
  });

  it('ignores a tenant claim when none is configured', () => {
    expect(principalOfClaims({ sub: 'a', tenant: 'acme' }, claims)).toEqual({ principal: { name: 'oidc:a', roles: [], credential: 'oidc' } });
  });

  it('names the caller by the configured name claim, prefixed oidc:, and refuses a token without one', () => {
    expect(principalOfClaims({ sub: 'x', preferred_username: 'alice' }, { ...claims, name: 'preferred_username' })).toEqual({ principal: { name: 'oidc:alice', roles: [], credential: 'oidc' } });
    expect(principalOfClaims({ sub: 42 }, claims)).toEqual({ unusable: 'the token carries no usable sub claim (a string of 1-256 characters)' });
    expect(principalOfClaims({ sub: 'x'.repeat(257) }, claims)).toHaveProperty('unusable');
  });
});
