import { looksLikeJwt } from './jwt-shape';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('looksLikeJwt', () => {
  it('recognises a compact JWS with a JSON header naming alg, signed or not', () => {
    expect(looksLikeJwt(`${part({ alg: 'RS256', kid: 'k' })}.${part({ sub: 'a' })}.c2ln`)).toBe(true);
    expect(looksLikeJwt(`${part({ alg: 'none' })}.${part({ sub: 'a' })}.`)).toBe(true);
  });

  it.each([
    ['an API token of the README recipe (base64)', 'q0b9Rz3vE+1y/2kLmN8pQ7sT4uV6wX0yZ1a2B3c4D5E='],
    ['an embedded admin token', 'csms_abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE'],
    ['two dots without a JSON header', 'abc.def.ghi'],
    ['a header without alg', `${part({ typ: 'JWT' })}.${part({})}.c2ln`],
    ['an encrypted token (five parts)', `${part({ alg: 'RSA-OAEP' })}.a.b.c.d`],
  ])('sends %s to the API tokens', (_case, token) => {
    expect(looksLikeJwt(token)).toBe(false);
  });
});
