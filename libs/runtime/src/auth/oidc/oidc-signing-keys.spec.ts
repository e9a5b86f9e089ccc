import { BearerRefused } from '../bearer-refusal';
import { OidcSigningKeys } from './oidc-signing-keys';

const ISSUER = 'https://id.example.com/realms/csms';
const header = { alg: 'RS256', kid: 'k1' };
const token = { payload: {}, protectedHeader: header } as never;

async function refusalOf(keys: OidcSigningKeys): Promise<BearerRefused> {
  try {
    await keys.keyFor(header, token);
  } catch (error) {
    if (error instanceof BearerRefused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('OidcSigningKeys: discovery', () => {
  it('fetches <issuer>/.well-known/openid-configuration once the first token comes, not before', async () => {
    const get = jest.fn(async () => ({ issuer: ISSUER, jwks_uri: 'http://127.0.0.1:1/jwks' }));
    const keys = new OidcSigningKeys({ issuer: `${ISSUER}`, jwksUrl: undefined, jwksCooldownMs: 30_000 }, get);
    expect(get).not.toHaveBeenCalled();
    // The JWKS host refuses connections: discovery worked, the keys are unavailable.
    expect((await refusalOf(keys)).code).toBe('keys-unavailable');
    expect(get).toHaveBeenCalledWith(`${ISSUER}/.well-known/openid-configuration`);
  });

  it.each([
    ['names another issuer', { issuer: 'https://evil.example.com', jwks_uri: 'https://id.example.com/jwks' }],
    ['has no jwks_uri', { issuer: ISSUER }],
    ['has a jwks_uri that is no http(s) URL', { issuer: ISSUER, jwks_uri: 'file:///etc/keys' }],
  ])('refuses a discovery document that %s (keys unavailable, never a pass)', async (_case, document) => {
    const keys = new OidcSigningKeys({ issuer: ISSUER, jwksUrl: undefined, jwksCooldownMs: 30_000 }, async () => document);
    expect((await refusalOf(keys)).code).toBe('keys-unavailable');
  });

  it('asks a failing provider again only after the cooldown', async () => {
    const get = jest.fn(async () => {
      throw new Error('connection refused');
    });
    const keys = new OidcSigningKeys({ issuer: ISSUER, jwksUrl: undefined, jwksCooldownMs: 60_000 }, get);
    expect((await refusalOf(keys)).code).toBe('keys-unavailable');
    expect((await refusalOf(keys)).code).toBe('keys-unavailable');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('uses OIDC_JWKS_URL without discovery', async () => {
    const get = jest.fn();
    const keys = new OidcSigningKeys({ issuer: ISSUER, jwksUrl: 'http://127.0.0.1:1/jwks', jwksCooldownMs: 30_000 }, get);
    expect((await refusalOf(keys)).code).toBe('keys-unavailable');
    expect(get).not.toHaveBeenCalled();
  });
});
