import type { KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Name, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { CaSigner } from './ca-signer';
import type { RevocationPointers } from './certificate-profiles';

/** A CA ready to issue: its certificate, the signer holding its key, and what it writes into what it issues. */
export interface CertificateAuthority {
  /** The CA's own certificate, DER. */
  readonly certificate: Buffer;
  readonly subject: Name;
  readonly notAfter: Date;
  readonly signer: CaSigner;
  /** This CA's CRL and OCSP URLs, written into every certificate it signs. */
  readonly pointers: RevocationPointers;
}

export enum CertificateAuthorityErrorCode {
  /** The CA certificate's key is not the signer's key: it would issue certificates nobody can verify. */
  keyMismatch = 'keyMismatch',
  /** A validity that is not a whole number of days ≥ 1. */
  invalidValidity = 'invalidValidity',
  /** The issuer has expired or is not valid yet. */
  issuerNotValid = 'issuerNotValid',
}

export class CertificateAuthorityError extends Error {
  constructor(
    readonly code: CertificateAuthorityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CertificateAuthorityError';
  }
}

/**
 * A CA from its stored certificate and its signer. Checks the two belong together, so a
 * misconfigured key (a rotated HSM object, the wrong file) fails at start-up, not at a station.
 */
export function certificateAuthorityOf(certificate: Buffer, signer: CaSigner, pointers: RevocationPointers): CertificateAuthority {
  const parsed = AsnConvert.parse(certificate, Certificate);
  const certifiedKey = Buffer.from(AsnConvert.serialize(parsed.tbsCertificate.subjectPublicKeyInfo));
  if (!certifiedKey.equals(spkiOf(signer.publicKey))) {
    throw new CertificateAuthorityError(CertificateAuthorityErrorCode.keyMismatch, "the CA certificate's public key is not the signer's key");
  }
  return { certificate, subject: parsed.tbsCertificate.subject, notAfter: parsed.tbsCertificate.validity.notAfter.getTime(), signer, pointers };
}

/** DER SubjectPublicKeyInfo of `key`, normalised through the schema so encodings compare. */
export function spkiOf(key: KeyObject): Buffer {
  return Buffer.from(AsnConvert.serialize(AsnConvert.parse(key.export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo)));
}
