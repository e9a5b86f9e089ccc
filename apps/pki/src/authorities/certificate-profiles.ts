import { createHash } from 'node:crypto';
import { type Tlv, contentOf, expectChildren, readTlv } from '../x509/der-reader';
import { bitString, booleanTrue, implicitConstructed, implicitPrimitive, octetString, oid, sequence, smallInteger } from '../x509/der-writer';

/** Where relying parties check revocation of what a CA issues: written into each certificate it signs. */
export interface RevocationPointers {
  /** HTTP URL of the CA's CRL (CRL distribution point). */
  readonly crlUrl?: string;
  /** HTTP URL of the OCSP responder for the CA's certificates (authority information access). */
  readonly ocspUrl?: string;
}

const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocsp: '1.3.6.1.5.5.7.48.1',
} as const;

/** RFC 5280 KeyUsage bit numbers. */
export const KeyUsageBit = { digitalSignature: 0, keyEncipherment: 2, keyAgreement: 4, keyCertSign: 5, cRLSign: 6 } as const;

const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  critical ? sequence(oid(id), booleanTrue(), octetString(value)) : sequence(oid(id), octetString(value));

/** KeyUsage as a DER named-bit BIT STRING: trailing zero bits dropped, as DER requires. */
export function keyUsageValue(bits: readonly number[]): Buffer {
  const octets = Buffer.alloc(bits.some((bit) => bit >= 8) ? 2 : 1);
  for (const bit of bits) octets[bit >> 3] = (octets[bit >> 3] as number) | (0x80 >> (bit & 7));
  const last = octets[octets.length - 1] as number;
  let unused = 0;
  while (unused < 7 && !(last & (1 << unused))) unused += 1;
  const encoded = bitString(octets);
  encoded[2] = unused;
  return encoded;
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (an identifier, not a security use of SHA-1). */
export function keyIdentifierOf(subjectPublicKeyInfo: Buffer): Buffer {
  const [, bits] = expectChildren(subjectPublicKeyInfo, readTlv(subjectPublicKeyInfo, 0), [0x30, 0x03], 'SubjectPublicKeyInfo') as [Tlv, Tlv];
  return createHash('sha1').update(contentOf(subjectPublicKeyInfo, bits).subarray(1)).digest();
}

function keyIdentifiers(subjectKeyIdentifier: Buffer, authorityKeyIdentifier: Buffer): Buffer[] {
  return [
    extension(OID.subjectKeyIdentifier, false, octetString(subjectKeyIdentifier)),
    extension(OID.authorityKeyIdentifier, false, sequence(implicitPrimitive(0, authorityKeyIdentifier))),
  ];
}

/** The CRL distribution point and OCSP access of `pointers`, encoded once per CA and reused. */
export function revocationExtensions(pointers: RevocationPointers): Buffer[] {
  // GeneralName uniformResourceIdentifier: [6] IMPLICIT IA5String.
  const uri = (url: string) => implicitPrimitive(6, Buffer.from(url, 'latin1'));
  const extensions: Buffer[] = [];
  if (pointers.crlUrl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }
    const point = sequence(implicitConstructed(0, [implicitConstructed(0, [uri(pointers.crlUrl)])]));
    extensions.push(extension(OID.crlDistributionPoints, false, sequence(point)));
  }
  if (pointers.ocspUrl) extensions.push(extension(OID.authorityInfoAccess, false, sequence(sequence(oid(OID.ocsp), uri(pointers.ocspUrl)))));
  return extensions;
}

/**
 * A CA certificate's extensions: cA with an optional path length (0 for an issuing sub-CA, so it
 * cannot mint further CAs), keyCertSign + cRLSign, and digitalSignature so the CA can sign OCSP
 * responses itself. `pointers` are the issuer's (absent for a self-signed root).
 */
export function caExtensions(options: { subjectKeyIdentifier: Buffer; issuerKeyIdentifier: Buffer; pathLength?: number; pointers?: RevocationPointers }): Buffer[] {
  const constraints = options.pathLength === undefined ? sequence(booleanTrue()) : sequence(booleanTrue(), smallInteger(options.pathLength));
  return [
    extension(OID.basicConstraints, true, constraints),
    extension(OID.keyUsage, true, keyUsageValue([KeyUsageBit.digitalSignature, KeyUsageBit.keyCertSign, KeyUsageBit.cRLSign])),
    ...keyIdentifiers(options.subjectKeyIdentifier, options.issuerKeyIdentifier),
    ...revocationExtensions(options.pointers ?? {}),
  ];
}

/**
 * A station (end-entity) certificate's extensions: never a CA; no ExtendedKeyUsage, as the issue's
 * reading of the OCPP certificate properties asks (an EKU only narrows where a station may use its
 * certificate, and stacks disagree on which one they expect); keyUsage by key type:
 * digitalSignature for the ECDHE handshakes of OCPP's TLS suites, plus keyAgreement for EC (as the
 * ISO 15118 leaf profiles have it) or keyEncipherment for RSA (TLS 1.2 RSA key transport, which
 * some station stacks still negotiate). `issuerExtensions` are the CA's pre-encoded revocation pointers.
 */
export function stationExtensions(options: { subjectPublicKeyInfo: Buffer; keyType: 'rsa' | 'ec'; issuerKeyIdentifier: Buffer; issuerExtensions: readonly Buffer[] }): Buffer[] {
  const second = options.keyType === 'ec' ? KeyUsageBit.keyAgreement : KeyUsageBit.keyEncipherment;
  return [
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, keyUsageValue([KeyUsageBit.digitalSignature, second])),
    ...keyIdentifiers(keyIdentifierOf(options.subjectPublicKeyInfo), options.issuerKeyIdentifier),
    ...options.issuerExtensions,
  ];
}
