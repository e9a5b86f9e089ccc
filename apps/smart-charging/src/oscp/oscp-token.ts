import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Tokens of OSCP's `Authorization: Token <token>` scheme. The tokens providers present are kept as
// SHA-256 only: they are random and long, so a hash without salt cannot be reversed by guessing.

const TOKEN_SCHEME = /^Token\s+(\S+)\s*$/i;

/** The token of an `Authorization` header in OSCP's scheme; undefined when absent or in another scheme. */
export function tokenOfHeader(header: string | undefined): string | undefined {
  return header === undefined ? undefined : TOKEN_SCHEME.exec(header)?.[1];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two SHA-256 hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** A new token for a provider to call us with: 256 random bits. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function authorizationOf(token: string): string {
  return `Token ${token}`;
}
