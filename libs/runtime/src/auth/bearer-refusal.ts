/** Why a bearer token was refused; every code but `keys-unavailable` is answered 401 `invalid_token`. */
export const BearerRefusalCode = {
  missing: 'missing',
  unknownToken: 'unknown-token',
  expiredToken: 'expired-token',
  malformed: 'malformed',
  wrongIssuer: 'wrong-issuer',
  wrongAudience: 'wrong-audience',
  expired: 'expired',
  notYetValid: 'not-yet-valid',
  badSignature: 'bad-signature',
  unknownKey: 'unknown-key',
  disallowedAlgorithm: 'disallowed-algorithm',
  unusableClaims: 'unusable-claims',
  /** The issuer's signing keys could not be fetched: the token may be fine, we cannot tell (503). */
  keysUnavailable: 'keys-unavailable',
} as const;

export type BearerRefusalCode = (typeof BearerRefusalCode)[keyof typeof BearerRefusalCode];

/**
 * A presented bearer token that does not authenticate anyone. `reason` goes to the client (problem
 * detail and `error_description`), so it never quotes the token or a claim value.
 */
export class BearerRefused extends Error {
  constructor(
    readonly code: BearerRefusalCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'BearerRefused';
  }
}
