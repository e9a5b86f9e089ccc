import { X509Certificate } from 'node:crypto';
import { type CertificateHashData, certificateHashData } from '@app/pki/inventory/certificate-hash-data';
import { fromPem } from '@app/pki/x509/pem-certificate';

export enum RootCertificateRefusal {
  /** Not exactly one PEM CERTIFICATE, or its DER is not a certificate. */
  unreadable = 'unreadable',
  /** basicConstraints cA is not true: a station must not trust it as a root. */
  notCa = 'notCa',
  /** Not signed by its own key: the hash data (and the trust) of a root need it self-signed. */
  notSelfSigned = 'notSelfSigned',
  expired = 'expired',
  notYetValid = 'notYetValid',
}

export interface CheckedRootCertificate {
  readonly ok: true;
  readonly pem: string;
  readonly subject: string;
  readonly notAfter: Date;
  /** SHA-256 hash data, as a station reports it and DeleteCertificate names it. */
  readonly hashData: CertificateHashData;
}

export type RootCertificateCheck = CheckedRootCertificate | { readonly ok: false; readonly code: RootCertificateRefusal; readonly message: string };

const refuse = (code: RootCertificateRefusal, message: string): RootCertificateCheck => ({ ok: false, code, message });

/**
 * Whether a certificate may be sent to stations as a root (InstallCertificate): it parses, is a
 * CA, signs itself, and is valid at `now`. Checked before a job starts so that no station is asked
 * to trust something that cannot work.
 */
export function checkRootCertificate(pem: string, now: Date): RootCertificateCheck {
  const der = fromPem(pem);
  if (!der) return refuse(RootCertificateRefusal.unreadable, 'the text is not exactly one PEM CERTIFICATE');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch (error) {
    return refuse(RootCertificateRefusal.unreadable, `not an X.509 certificate: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!certificate.ca) return refuse(RootCertificateRefusal.notCa, 'the certificate is not a CA (basicConstraints cA is not true)');
  if (!certificate.checkIssued(certificate) || !certificate.verify(certificate.publicKey)) {
    return refuse(RootCertificateRefusal.notSelfSigned, 'the certificate is not self-signed: only roots are distributed');
  }
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() <= now.getTime()) return refuse(RootCertificateRefusal.expired, `the certificate expired at ${notAfter.toISOString()}`);
  if (notBefore.getTime() > now.getTime()) return refuse(RootCertificateRefusal.notYetValid, `the certificate is valid only from ${notBefore.toISOString()}`);
  let hashData: CertificateHashData;
  try {
    hashData = certificateHashData(der, der);
  } catch (error) {
    return refuse(RootCertificateRefusal.unreadable, `the certificate cannot be named by hash data: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ok: true, pem: certificate.toString(), subject: certificate.subject.split('\n').join(', '), notAfter, hashData };
}
