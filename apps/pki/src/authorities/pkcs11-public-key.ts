import { type KeyObject, createPublicKey } from 'node:crypto';
import { readTlv } from '../x509/der-reader';
import { bitString, oid, sequence } from '../x509/der-writer';
import type { CaKeySpec } from './ca-key-spec';
import { CaKeyError, CaKeyErrorCode } from './ca-key.error';
import type { Pkcs11Session } from './pkcs11-session';

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
/** DER OIDs as CKA_EC_PARAMS holds them (namedCurve), and the size of an uncompressed point. */
const CURVES = {
  'P-256': { params: Buffer.from('06082a8648ce3d030107', 'hex'), pointLength: 65 },
  'P-384': { params: Buffer.from('06052b81040022', 'hex'), pointLength: 97 },
} as const;

/** CKA_EC_PARAMS for a CA curve: what key generation on the token needs. */
export function ecParamsOf(curve: keyof typeof CURVES): Buffer {
  return CURVES[curve].params;
}

/**
 * The public half of the key pair `publicKey` on the token, as a node KeyObject. Only public
 * attributes are read (modulus and exponent, or curve and point); the private object is never asked
 * for anything but signatures.
 */
export function readPublicKey(session: Pkcs11Session, publicKey: Buffer): KeyObject {
  const { module, pkcs11, handle } = session;
  const [keyType] = pkcs11.C_GetAttributeValue(handle, publicKey, [{ type: module.CKA_KEY_TYPE }]);
  const type = ulongOf(keyType?.value ?? Buffer.alloc(0));
  if (type === module.CKK_RSA) {
    const [modulus, exponent] = pkcs11.C_GetAttributeValue(handle, publicKey, [{ type: module.CKA_MODULUS }, { type: module.CKA_PUBLIC_EXPONENT }]);
    const n = (modulus?.value ?? Buffer.alloc(0)).toString('base64url');
    const e = (exponent?.value ?? Buffer.alloc(0)).toString('base64url');
    return createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
  }
  if (type === module.CKK_EC) {
    const [params, point] = pkcs11.C_GetAttributeValue(handle, publicKey, [{ type: module.CKA_EC_PARAMS }, { type: module.CKA_EC_POINT }]);
    return ecPublicKey(params?.value ?? Buffer.alloc(0), point?.value ?? Buffer.alloc(0));
  }
  throw new CaKeyError(CaKeyErrorCode.unsupportedKey, `the token key is neither RSA nor EC (CKK ${type})`);
}

/** A CK_ULONG attribute as the token returns it: native-endian, 4 or 8 octets (x86-64 and arm64 are little-endian). */
function ulongOf(value: Buffer): number {
  return value.length === 8 ? Number(value.readBigUInt64LE(0)) : value.length === 4 ? value.readUInt32LE(0) : -1;
}

function ecPublicKey(params: Buffer, point: Buffer): KeyObject {
  const curve = Object.values(CURVES).find((candidate) => candidate.params.equals(params));
  if (!curve) throw new CaKeyError(CaKeyErrorCode.unsupportedKey, 'the token EC key is not on P-256 or P-384');
  // PKCS#11 v2.20+ wraps CKA_EC_POINT in a DER OCTET STRING; some tokens return the bare point.
  // The point's known size tells the two apart (both start with 0x04).
  const bare = point.length === curve.pointLength ? point : (() => {
    const tlv = readTlv(point, 0);
    return point.subarray(tlv.contentStart, tlv.end);
  })();
  const spki = sequence(sequence(oid(EC_PUBLIC_KEY), params), bitString(bare));
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

/** The generation mechanism and public-key template attributes that make a key of `spec`. */
export function generationTemplate(session: Pkcs11Session, spec: CaKeySpec): { mechanism: number; publicAttributes: Array<{ type: number; value: Buffer | number }> } {
  const { module } = session;
  if (spec.type === 'ec') return { mechanism: module.CKM_EC_KEY_PAIR_GEN, publicAttributes: [{ type: module.CKA_EC_PARAMS, value: ecParamsOf(spec.curve) }] };
  return {
    mechanism: module.CKM_RSA_PKCS_KEY_PAIR_GEN,
    publicAttributes: [
      { type: module.CKA_MODULUS_BITS, value: spec.bits },
      { type: module.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
    ],
  };
}
