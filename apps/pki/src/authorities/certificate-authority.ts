import type { KeyObject } from 'node:crypto';
import { type Tlv, encodingOf, expectChildren, readTime, readTlv } from '../x509/der-reader';
import type { CaSigner } from './ca-signer';
import { type RevocationPointers, keyIdentifierOf, revocationExtensions } from './certificate-profiles';

/** A CA ready to issue: its certificate, the signer holding its key, and what it writes into what it issues. */
export interface CertificateAuthority {
  /** The CA's own certificate, DER. */
  readonly certificate: Buffer;
  /** The CA's subject Name exactly as in its certificate: the issuer of everything it signs. */
  readonly subject: Buffer;
  readonly notAfter: Date;
  readonly signer: CaSigner;
  /** SHA-1 key identifier of the CA key: the authority key identifier of what it signs. */
  readonly keyIdentifier: Buffer;
  /** This CA's CRL and OCSP URLs, written into every certificate it signs. */
  readonly pointers: RevocationPointers;
  /** The same, encoded once as extensions. */
  readonly revocationExtensions: readonly Buffer[];
}

export enum CertificateAuthorityErrorCode {
  /** The CA certificate's key is not the signer's key: it would issue certificates nobody can verify. */
  keyMismatch = 'keyMismatch',
  /** A validity that is not a whole number of days ≥ 1. */
  invalidValidity = 'invalidValidity',
  /** The issuer has expired. */
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
 * A CA from its stored certificate (DER) and its signer. Checks the two belong together, so a
 * misconfigured key (a rotated HSM object, the wrong file) fails at start-up, not at a station.
 */
export function certificateAuthorityOf(certificate: Buffer, signer: CaSigner, pointers: RevocationPointers): CertificateAuthority {
  const outer = readTlv(certificate, 0);
  const [tbs] = expectChildren(certificate, outer, [0x30], 'Certificate') as [Tlv];
  // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, subjectPublicKeyInfo, ...
  const fields = expectChildren(certificate, tbs, [0xa0, 0x02, 0x30, 0x30, 0x30, 0x30, 0x30], 'TBSCertificate') as Tlv[];
  const [validity, subject, spki] = [fields[4], fields[5], fields[6]] as [Tlv, Tlv, Tlv];
  const certifiedKey = encodingOf(certificate, spki);
  if (!certifiedKey.equals(spkiOf(signer.publicKey))) {
    throw new CertificateAuthorityError(CertificateAuthorityErrorCode.keyMismatch, "the CA certificate's public key is not the signer's key");
  }
  const [, notAfter] = expectChildren(certificate, validity, [undefined, undefined], 'Validity') as [Tlv, Tlv];
  return {
    certificate,
    subject: Buffer.from(encodingOf(certificate, subject)),
    notAfter: readTime(certificate, notAfter),
    signer,
    keyIdentifier: keyIdentifierOf(certifiedKey),
    pointers,
    revocationExtensions: revocationExtensions(pointers),
  };
}

/** DER SubjectPublicKeyInfo of `key`. */
export function spkiOf(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}
