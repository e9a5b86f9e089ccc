import { ConfigError } from '@app/config';
import { parseApiTokenFile } from './api-token-file';

const HASH = 'a'.repeat(64);
const OTHER = 'B'.repeat(64);
const source = { variable: 'API_TOKENS_FILE' };

function errorOf(text: string): ConfigError {
  try {
    parseApiTokenFile(text, source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseApiTokenFile', () => {
  it('reads names, hashes and roles', () => {
    const tokens = parseApiTokenFile(JSON.stringify([{ name: 'noc', sha256: HASH, roles: ['viewer'] }, { name: 'ops', sha256: OTHER, roles: ['operator', 'operator'] }]), source);
    expect(tokens).toEqual([
      { name: 'noc', sha256: Buffer.from(HASH, 'hex'), roles: ['viewer'] },
      { name: 'ops', sha256: Buffer.from(OTHER, 'hex'), roles: ['operator'] },
    ]);
  });

  it('reads the sites granted to a grid-operator token, once each', () => {
    const tokens = parseApiTokenFile(
      JSON.stringify([
        { name: 'dso', sha256: HASH, roles: ['grid-operator'], sites: ['SITE-001', 'SITE-002', 'SITE-001'] },
        { name: 'dso-noc', sha256: OTHER, roles: ['viewer', 'grid-operator'], sites: ['SITE-003'] },
      ]),
      source,
    );
    expect(tokens).toEqual([
      { name: 'dso', sha256: Buffer.from(HASH, 'hex'), roles: ['grid-operator'], sites: ['SITE-001', 'SITE-002'] },
      { name: 'dso-noc', sha256: Buffer.from(OTHER, 'hex'), roles: ['viewer', 'grid-operator'], sites: ['SITE-003'] },
    ]);
  });

  it('reads the tenant a token is confined to, and refuses one that is not a tenant id', () => {
    const [token] = parseApiTokenFile(JSON.stringify([{ name: 'acme-noc', sha256: HASH, roles: ['viewer'], tenant: 'acme' }]), source);
    expect(token?.tenant).toBe('acme');
    expect(errorOf(JSON.stringify([{ name: 'x', sha256: HASH, roles: ['viewer'], tenant: 'a b' }])).message).toContain('entry 0 tenant: must be a tenant id');
  });

  it('accepts an empty list (then every request is refused)', () => {
    expect(parseApiTokenFile('[]', source)).toEqual([]);
  });

  it.each([
    ['not JSON', '{', 'is not valid JSON'],
    ['not a list', '{"name":"noc"}', 'must be a JSON list'],
    ['a hash that is not 64 hex digits', JSON.stringify([{ name: 'noc', sha256: 'abc', roles: ['viewer'] }]), 'entry 0 sha256: must be the SHA-256'],
    ['an unknown role', JSON.stringify([{ name: 'noc', sha256: HASH, roles: ['root'] }]), 'entry 0 roles.0:'],
    ['no roles', JSON.stringify([{ name: 'noc', sha256: HASH, roles: [] }]), 'entry 0 roles: must name at least one role'],
    ['an unknown field', JSON.stringify([{ name: 'noc', sha256: HASH, roles: ['viewer'], token: 'secret' }]), 'entry 0: Unrecognized key'],
    ['a name used twice', JSON.stringify([{ name: 'noc', sha256: HASH, roles: ['viewer'] }, { name: 'noc', sha256: OTHER, roles: ['viewer'] }]), 'entry 1 name: is used twice'],
    ['a grid-operator token without sites', JSON.stringify([{ name: 'dso', sha256: HASH, roles: ['grid-operator'] }]), 'entry 0 sites: must list the sites a grid-operator token may set limits for'],
    ['a grid-operator token with an empty site list', JSON.stringify([{ name: 'dso', sha256: HASH, roles: ['grid-operator'], sites: [] }]), 'entry 0 sites: must name at least one site'],
    ['sites on a token without the grid-operator role', JSON.stringify([{ name: 'ops', sha256: HASH, roles: ['operator'], sites: ['SITE-001'] }]), 'entry 0 sites: only applies to the grid-operator role'],
    ['a site that is not a site id', JSON.stringify([{ name: 'dso', sha256: HASH, roles: ['grid-operator'], sites: ['SITE 1'] }]), 'entry 0 sites.0: must be a site id'],
    ['a hash used twice', JSON.stringify([{ name: 'a', sha256: HASH, roles: ['viewer'] }, { name: 'b', sha256: HASH.toUpperCase(), roles: ['admin'] }]), 'entry 1 sha256: is the hash of another entry'],
  ])('stops start-up on %s, naming the variable', (_case, text, reason) => {
    const error = errorOf(text);
    expect(error.variable).toBe('API_TOKENS_FILE');
    expect(error.message).toMatch(/^invalid configuration: API_TOKENS_FILE /);
    expect(error.message).toContain(reason);
  });

  it('never quotes a hash or a token in its message', () => {
    const message = errorOf(JSON.stringify([{ name: 'a', sha256: HASH, roles: ['viewer'] }, { name: 'b', sha256: HASH, roles: ['admin'], token: 'my-secret' }])).message;
    expect(message).not.toContain(HASH);
    expect(message).not.toContain('my-secret');
  });
});

describe('parseApiTokenFile: expiry', () => {
  it('reads expiresAt as an instant; the token set refuses the token from then on as expired', () => {
    const [token] = parseApiTokenFile(JSON.stringify([{ name: 'ci', sha256: HASH, roles: ['operator'], expiresAt: '2027-01-31T12:00:00+01:00' }]), source);
    expect(token?.expiresAt?.toISOString()).toBe('2027-01-31T11:00:00.000Z');
  });

  it.each(['tomorrow', '2027-01-31', '2027-01-31T12:00:00'])('refuses expiresAt %p: an instant needs a date, a time and a zone', (expiresAt) => {
    expect(errorOf(JSON.stringify([{ name: 'ci', sha256: HASH, roles: ['operator'], expiresAt }])).message).toContain('entry 0 expiresAt: must be an ISO 8601 time with a zone');
  });
});
