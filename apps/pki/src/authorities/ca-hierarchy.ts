import { distinguishedName, type SubjectFields } from '../x509/distinguished-name';
import type { CaSigner } from './ca-signer';
import { type CertificateAuthority, certificateAuthorityOf, spkiOf } from './certificate-authority';
import { randomSerialNumber, signCertificate } from './certificate-builder';
import { caExtensions, keyIdentifierOf, type RevocationPointers } from './certificate-profiles';
import { validityPeriod } from './validity-period';

/** What a new CA is: its name, how long it lives, and the revocation URLs it puts into what it issues. */
export interface NewCaOptions {
  readonly subject: SubjectFields;
  readonly validityDays: number;
  /** This CA's own CRL and OCSP URLs (for the certificates it will sign). */
  readonly pointers: RevocationPointers;
  readonly now?: Date;
}

/**
 * A self-signed root CA over `signer`'s key. No path length limit: the root may later certify
 * more issuing CAs (a separate V2G chain, a rollover sub-CA).
 */
export async function createRootCa(signer: CaSigner, options: NewCaOptions): Promise<CertificateAuthority> {
  const subject = distinguishedName(options.subject);
  const ownKeyIdentifier = keyIdentifierOf(spkiOf(signer.publicKey));
  const certificate = await signCertificate(
    {
      serialNumber: randomSerialNumber(),
      issuer: subject,
      subject,
      ...validityPeriod(options.now ?? new Date(), options.validityDays),
      subjectPublicKeyInfo: spkiOf(signer.publicKey),
      extensions: caExtensions({ subjectKeyIdentifier: ownKeyIdentifier, issuerKeyIdentifier: ownKeyIdentifier }),
    },
    signer,
  );
  return certificateAuthorityOf(certificate, signer, options.pointers);
}

/**
 * An issuing sub-CA of `parent` over `signer`'s key, with path length 0 (it issues station and
 * server certificates, never further CAs). It carries the parent's CRL and OCSP URLs, so its own
 * revocation can be checked, and cannot outlive the parent.
 */
export async function createSubCa(parent: CertificateAuthority, signer: CaSigner, options: NewCaOptions): Promise<CertificateAuthority> {
  const certificate = await signCertificate(
    {
      serialNumber: randomSerialNumber(),
      issuer: parent.subject,
      subject: distinguishedName(options.subject),
      ...validityPeriod(options.now ?? new Date(), options.validityDays, parent.notAfter),
      subjectPublicKeyInfo: spkiOf(signer.publicKey),
      extensions: caExtensions({
        subjectKeyIdentifier: keyIdentifierOf(spkiOf(signer.publicKey)),
        issuerKeyIdentifier: parent.keyIdentifier,
        pathLength: 0,
        pointers: parent.pointers,
      }),
    },
    parent.signer,
  );
  return certificateAuthorityOf(certificate, signer, options.pointers);
}
