import type { KeyObject } from 'node:crypto';
import { type DigestName, type SignatureAlgorithm, signatureAlgorithmFor } from '../x509/signature-algorithms';
import { CaKeyError, CaKeyErrorCode } from './ca-key.error';

/** The keys a CA may have: the EC P-256/P-384 or RSA ≥ 2048. */
export type CaKeySpec = { readonly type: 'ec'; readonly curve: 'P-256' | 'P-384' } | { readonly type: 'rsa'; readonly bits: 2048 | 3072 | 4096 };

const CURVE_NAMES: Readonly<Record<string, 'P-256' | 'P-384'>> = { prime256v1: 'P-256', secp384r1: 'P-384' };
const NODE_CURVES = { 'P-256': 'prime256v1', 'P-384': 'secp384r1' } as const;

/** The spec of an existing key, refusing any a CA may not have (an imported key is checked too). */
export function caKeySpecOf(key: KeyObject): CaKeySpec {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    const curve = CURVE_NAMES[details.namedCurve ?? ''];
    if (curve) return { type: 'ec', curve };
  }
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength;
    if (bits === 2048 || bits === 3072 || bits === 4096) return { type: 'rsa', bits };
  }
  const shape = key.asymmetricKeyType === 'rsa' ? `RSA ${details.modulusLength} bits` : `${key.asymmetricKeyType} ${details.namedCurve ?? ''}`.trim();
  throw new CaKeyError(CaKeyErrorCode.unsupportedKey, `a CA key must be EC P-256/P-384 or RSA 2048/3072/4096, not ${shape}`);
}

/**
 * The signature algorithm a CA with this key signs with: the digest matches the curve's strength
 * (P-384 with SHA-384, as RFC 5480 recommends); RSA signs with SHA-256, which every station verifies.
 */
export function signatureAlgorithmOf(spec: CaKeySpec): SignatureAlgorithm {
  const digest: DigestName = spec.type === 'ec' && spec.curve === 'P-384' ? 'sha384' : 'sha256';
  return signatureAlgorithmFor(spec.type, digest);
}

/** The arguments node's generateKeyPair takes for `spec`. */
export function keyGenerationOf(spec: CaKeySpec): { type: 'ec'; options: { namedCurve: string } } | { type: 'rsa'; options: { modulusLength: number } } {
  return spec.type === 'ec' ? { type: 'ec', options: { namedCurve: NODE_CURVES[spec.curve] } } : { type: 'rsa', options: { modulusLength: spec.bits } };
}
