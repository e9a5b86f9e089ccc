import { generateToken, hashToken, sameHash, tokenOfHeader } from './oscp-token';

describe('OSCP tokens', () => {
  it('reads the token of the Token scheme, in any case of the scheme name', () => {
    expect(tokenOfHeader('Token abc123')).toBe('abc123');
    expect(tokenOfHeader('token   abc123')).toBe('abc123');
  });

  it('finds no token in another scheme, a bare value or a missing header', () => {
    expect(tokenOfHeader('Bearer abc123')).toBeUndefined();
    expect(tokenOfHeader('abc123')).toBeUndefined();
    expect(tokenOfHeader('Token a b')).toBeUndefined();
    expect(tokenOfHeader(undefined)).toBeUndefined();
  });

  it('matches a token only to its own hash', () => {
    const token = generateToken();
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(`${token}x`))).toBe(false);
    expect(sameHash(hashToken(token), '')).toBe(false);
  });

  it('generates distinct tokens of 256 bits', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    expect([...tokens].every((token) => Buffer.from(token, 'base64url').length === 32)).toBe(true);
  });
});
