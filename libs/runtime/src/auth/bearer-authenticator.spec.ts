import { ApiTokenSet, sha256 } from './api-token';
import { FixedApiTokens } from './api-token-file.reload';
import { BearerAuthenticator } from './bearer-authenticator';
import { BearerRefused } from './bearer-refusal';
import type { JwtVerifier } from './oidc/jwt-verifier';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${part({ alg: 'RS256' })}.${part({ sub: 'alice' })}.c2ln`;
const tokens = new FixedApiTokens(new ApiTokenSet([{ name: 'noc', sha256: sha256('noc-token'), roles: ['viewer'] }, { name: 'jwt-shaped', sha256: sha256(JWT), roles: ['admin'] }]));

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof BearerRefused) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('BearerAuthenticator', () => {
  const verify = jest.fn(async () => ({ name: 'oidc:alice', roles: ['operator' as const] }));
  const withOidc = new BearerAuthenticator(tokens, { verify } as unknown as JwtVerifier);

  beforeEach(() => verify.mockClear());

  it('sends a JWT to the verifier and an API token to the token set', async () => {
    await expect(withOidc.authenticate(`Bearer ${JWT}`)).resolves.toEqual({ name: 'oidc:alice', roles: ['operator'] });
    await expect(withOidc.authenticate('Bearer noc-token')).resolves.toEqual({ name: 'noc', roles: ['viewer'] });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('without OIDC, treats every bearer token as an API token', async () => {
    const withoutOidc = new BearerAuthenticator(tokens, null);
    await expect(withoutOidc.authenticate(`Bearer ${JWT}`)).resolves.toEqual({ name: 'jwt-shaped', roles: ['admin'] });
  });

  it('refuses a missing or unknown token with its reason', async () => {
    expect(await codeOf(withOidc.authenticate(undefined))).toBe('missing');
    expect(await codeOf(withOidc.authenticate('Basic abc'))).toBe('missing');
    expect(await codeOf(withOidc.authenticate('Bearer other-token'))).toBe('unknown-token');
  });
});
