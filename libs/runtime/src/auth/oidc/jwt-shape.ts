const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Whether a bearer token is a compact JWS (three base64url parts, a JSON header naming `alg`):
 * those go to the JWT verifier, everything else to the API tokens. An unsigned token (`alg: none`,
 * empty signature) counts as a JWT too, so that it is refused by the verifier with its reason.
 */
export function looksLikeJwt(token: string): boolean {
  if (!COMPACT_JWS.test(token)) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof Reflect.get(header, 'alg') === 'string';
  } catch {
    return false;
  }
}
