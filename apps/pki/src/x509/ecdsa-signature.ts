import { sequence, unsignedInteger } from './der-writer';

/**
 * ECDSA signatures come in two shapes: PKCS#11 tokens (and WebCrypto) return r‖s as two fixed-size
 * integers, X.509 carries the DER SEQUENCE { r INTEGER, s INTEGER } (RFC 3279). This converts the
 * former into the latter.
 */
export function ecdsaRawToDer(raw: Uint8Array): Buffer {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new RangeError(`an r‖s ECDSA signature has an even, non-zero length, not ${raw.length}`);
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}
