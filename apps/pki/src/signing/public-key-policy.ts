import type { KeyObject } from 'node:crypto';
import { type CsrRefusal, CsrRefusalCode, refusal } from './csr-refusal';

/** A station key we accept, described for records and for choosing the certificate's keyUsage. */
export type AcceptedPublicKey = { readonly type: 'rsa'; readonly bits: number } | { readonly type: 'ec'; readonly curve: NamedCurve };

export type NamedCurve = 'P-224' | 'P-256' | 'P-384' | 'P-521';

/** OpenSSL's curve names → NIST names; EC keys on other curves are refused (stations use P-256). */
const NIST_CURVES: Readonly<Record<string, { name: NamedCurve; bits: number }>> = {
  secp224r1: { name: 'P-224', bits: 224 },
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
};

/** Curves OpenSSL still knows that are below 224 bits: refused as weak rather than as unknown. */
const WEAK_CURVES = new Set(['prime192v1', 'secp192k1', 'secp160r1', 'secp160k1', 'secp160r2', 'secp112r1', 'secp128r1']);

const MIN_RSA_BITS = 2048;
// Above this an RSA key only costs verification time; no station generates one.
const MAX_RSA_BITS = 8192;

/**
 * Checks a station's public key against the OCPP certificate properties: RSA ≥ 2048 bits or EC
 * ≥ 224 bits on a NIST curve. Returns the accepted key's description or the refusal.
 */
export function checkPublicKey(key: KeyObject): AcceptedPublicKey | CsrRefusal {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) return refusal(CsrRefusalCode.weakKey, `RSA key of ${bits} bits; at least ${MIN_RSA_BITS} are required`);
    if (bits > MAX_RSA_BITS) return refusal(CsrRefusalCode.unsupportedKey, `RSA key of ${bits} bits; at most ${MAX_RSA_BITS} are accepted`);
    const exponent = details.publicExponent ?? 0n;
    if (exponent < 3n || exponent % 2n === 0n) return refusal(CsrRefusalCode.weakKey, `RSA public exponent ${exponent} is not an odd number ≥ 3`);
    return { type: 'rsa', bits };
  }
  if (key.asymmetricKeyType === 'ec') {
    if (details.namedCurve !== undefined && WEAK_CURVES.has(details.namedCurve)) {
      return refusal(CsrRefusalCode.weakKey, `EC key on curve ${details.namedCurve}; at least 224 bits (P-224) are required`);
    }
    const curve = NIST_CURVES[details.namedCurve ?? ''];
    if (!curve) return refusal(CsrRefusalCode.unsupportedKey, `EC key on curve ${details.namedCurve ?? '(explicit parameters)'}; P-224, P-256, P-384 or P-521 are accepted`);
    return { type: 'ec', curve: curve.name };
  }
  return refusal(CsrRefusalCode.unsupportedKey, `${key.asymmetricKeyType ?? 'unknown'} key; RSA or EC keys are accepted`);
}

/** True when `value` is a refusal rather than an accepted key. */
export function isRefusal(value: AcceptedPublicKey | CsrRefusal): value is CsrRefusal {
  return 'code' in value;
}
