import { createHash, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AccessDescription,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  Extension,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  id_ad_ocsp,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_cRLDistributionPoints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  id_pe_authorityInfoAccess,
} from '@peculiar/asn1-x509';

/** Where relying parties check revocation of what a CA issues: written into each certificate it signs. */
export interface RevocationPointers {
  /** HTTP URL of the CA's CRL (CRL distribution point). */
  readonly crlUrl?: string;
  /** HTTP URL of the OCSP responder for the CA's certificates (authority information access). */
  readonly ocspUrl?: string;
}

const extension = (oid: string, critical: boolean, value: object): Extension =>
  new Extension({ extnID: oid, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (an identifier, not a security use of SHA-1). */
export function keyIdentifierOf(publicKey: KeyObject): Buffer {
  const spki = AsnConvert.parse(publicKey.export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo);
  return createHash('sha1').update(Buffer.from(spki.subjectPublicKey)).digest();
}

function keyIdentifiers(subjectKey: KeyObject, issuerKey: KeyObject): Extension[] {
  return [
    extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifierOf(subjectKey))),
    extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyIdentifierOf(issuerKey)) })),
  ];
}

function revocationExtensions(pointers: RevocationPointers): Extension[] {
  const uri = (url: string) => new GeneralName({ uniformResourceIdentifier: url });
  const extensions: Extension[] = [];
  if (pointers.crlUrl) {
    const point = new DistributionPoint({ distributionPoint: new DistributionPointName({ fullName: [uri(pointers.crlUrl)] }) });
    extensions.push(extension(id_ce_cRLDistributionPoints, false, new CRLDistributionPoints([point])));
  }
  if (pointers.ocspUrl) {
    const ocsp = new AccessDescription({ accessMethod: id_ad_ocsp, accessLocation: uri(pointers.ocspUrl) });
    extensions.push(extension(id_pe_authorityInfoAccess, false, new AuthorityInfoAccessSyntax([ocsp])));
  }
  return extensions;
}

/**
 * A CA certificate's extensions: cA with an optional path length (0 for an issuing sub-CA, so it
 * cannot mint further CAs), keyCertSign + cRLSign, and digitalSignature so the CA can sign OCSP
 * responses itself. `pointers` are the issuer's (absent for a self-signed root).
 */
export function caExtensions(options: { subjectKey: KeyObject; issuerKey: KeyObject; pathLength?: number; pointers?: RevocationPointers }): Extension[] {
  const usage = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature;
  return [
    extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: true, pathLenConstraint: options.pathLength })),
    extension(id_ce_keyUsage, true, new KeyUsage(usage)),
    ...keyIdentifiers(options.subjectKey, options.issuerKey),
    ...revocationExtensions(options.pointers ?? {}),
  ];
}

/**
 * A station (end-entity) certificate's extensions: never a CA; no ExtendedKeyUsage, as the issue's
 * reading of the OCPP certificate properties asks (an EKU only narrows where a station may use its
 * certificate, and stacks disagree on which one they expect); keyUsage by key type:
 * digitalSignature for the ECDHE handshakes of OCPP's TLS suites, plus keyAgreement for EC (as the
 * ISO 15118 leaf profiles have it) or keyEncipherment for RSA (TLS 1.2 RSA key transport, which
 * some station stacks still negotiate).
 */
export function stationExtensions(options: { subjectKey: KeyObject; issuerKey: KeyObject; pointers: RevocationPointers }): Extension[] {
  const second = options.subjectKey.asymmetricKeyType === 'ec' ? KeyUsageFlags.keyAgreement : KeyUsageFlags.keyEncipherment;
  return [
    extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: false })),
    extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature | second)),
    ...keyIdentifiers(options.subjectKey, options.issuerKey),
    ...revocationExtensions(options.pointers),
  ];
}
