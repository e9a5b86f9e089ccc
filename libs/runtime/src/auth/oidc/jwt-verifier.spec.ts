import { type CryptoKey, type JWK, type JWTPayload, SignJWT, createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { BearerRefused, type BearerRefusalCode } from '../bearer-refusal';
import { JwtVerifier } from './jwt-verifier';

const ISSUER = 'https://id.example.com/realms/csms';
const AUDIENCE = 'csms-api';
const NOW = new Date('2026-12-06T10:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const config = {
  issuer: ISSUER,
  audience: AUDIENCE,
  algorithms: ['RS256', 'ES256'],
  clockToleranceSeconds: 30,
  claims: { roles: 'realm_access.roles', sites: 'sites', tenant: undefined, name: 'sub' },
};

interface Signer {
  key: CryptoKey;
  kid: string;
  alg: string;
  jwk: JWK;
}

async function signer(alg: 'RS256' | 'ES256', kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { key: privateKey, kid, alg, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

describe('JwtVerifier', () => {
  let rsa: Signer;
  let ec: Signer;
  let stranger: Signer;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([signer('RS256', 'rsa-1'), signer('ES256', 'ec-1'), signer('RS256', 'rsa-1')]);
    verifier = new JwtVerifier(config, createLocalJWKSet({ keys: [rsa.jwk, ec.jwk] }));
  });

  function token(claims: JWTPayload = {}, by: Signer = rsa, header: Record<string, unknown> = {}): Promise<string> {
    const payload = { iss: ISSUER, aud: AUDIENCE, sub: 'alice', iat: seconds(NOW) - 60, exp: seconds(NOW) + 300, realm_access: { roles: ['operator'] }, ...claims };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: by.alg, kid: by.kid, ...header })
      .sign(by.key);
  }

  async function refusal(presented: Promise<string> | string, now = NOW): Promise<{ code: BearerRefusalCode; reason: string }> {
    try {
      await verifier.verify(await presented, now);
    } catch (error) {
      if (error instanceof BearerRefused) return { code: error.code, reason: error.reason };
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('accepts a token of the issuer for this audience, signed RS256 or ES256, and maps its claims', async () => {
    // The principal carries the token's exp, so that GET /api/me can say when the session ends.
    const expiresAt = new Date(NOW.getTime() + 300_000);
    await expect(verifier.verify(await token(), NOW)).resolves.toEqual({ name: 'oidc:alice', roles: ['operator'], credential: 'oidc', expiresAt });
    await expect(verifier.verify(await token({}, ec), NOW)).resolves.toEqual({ name: 'oidc:alice', roles: ['operator'], credential: 'oidc', expiresAt });
  });

  it('accepts an audience list that contains ours', async () => {
    await expect(verifier.verify(await token({ aud: ['account', AUDIENCE] }), NOW)).resolves.toMatchObject({ name: 'oidc:alice' });
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example.com' }, 'wrong-issuer'],
    ['another audience', { aud: 'other-app' }, 'wrong-audience'],
    ['an expiry past the clock tolerance', { exp: seconds(NOW) - 31 }, 'expired'],
    ['a not-before beyond the clock tolerance', { nbf: seconds(NOW) + 31 }, 'not-yet-valid'],
  ] as const)('refuses a token with %s', async (_case, claims, code) => {
    expect((await refusal(token(claims))).code).toBe(code);
  });

  it('allows the clock tolerance on exp and nbf', async () => {
    await expect(verifier.verify(await token({ exp: seconds(NOW) - 29, nbf: seconds(NOW) + 29 }), NOW)).resolves.toMatchObject({ name: 'oidc:alice' });
  });

  it('refuses a token without exp', async () => {
    const unlimited = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(rsa.key);
    expect(await refusal(unlimited)).toEqual({ code: 'malformed', reason: 'the token carries no exp claim' });
  });

  it('refuses a token signed by another key under a known kid', async () => {
    expect((await refusal(token({}, stranger))).code).toBe('bad-signature');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'alice', exp: seconds(NOW) + 300, realm_access: { roles: ['admin'] } })).toString('base64url');
    expect((await refusal(`${header}.${forged}.${signature}`)).code).toBe('bad-signature');
  });

  it('refuses a token whose kid the issuer does not publish', async () => {
    expect((await refusal(token({}, { ...stranger, kid: 'rsa-unknown' }))).code).toBe('unknown-key');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none' })}.${part({ iss: ISSUER, aud: AUDIENCE, sub: 'alice', exp: seconds(NOW) + 300 })}.`;
    expect((await refusal(unsigned)).code).toBe('disallowed-algorithm');
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    const confused = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(seconds(NOW) + 300).sign(secret);
    expect((await refusal(confused)).code).toBe('disallowed-algorithm');
  });

  it('refuses an allowed-looking algorithm the configuration does not list (RS512)', async () => {
    const { privateKey } = await generateKeyPair('RS512');
    const other = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS512', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(seconds(NOW) + 300).sign(privateKey);
    expect((await refusal(other)).code).toBe('disallowed-algorithm');
  });

  it.each(['not-a-jwt', 'a.b.c', 'bm90IGpzb24.bm90IGpzb24.c2ln'])('refuses a malformed token (%s)', async (presented) => {
    expect((await refusal(presented)).code).toBe('malformed');
  });

  it('refuses a verified token without a usable name claim, saying which claim', async () => {
    expect(await refusal(token({ sub: '' }))).toEqual({ code: 'unusable-claims', reason: 'the token carries no usable sub claim (a string of 1-256 characters)' });
  });

  it('never quotes the token in a refusal', async () => {
    const presented = await token({ iss: 'https://evil.example.com' });
    expect(JSON.stringify(await refusal(presented))).not.toContain(presented.split('.')[1]);
  });
});
