import { X509Certificate } from 'node:crypto';
import { fromPem } from '../x509/pem-certificate';
import { type CertificateHashData, type HashAlgorithm, certificateHashData, sameCertificate } from './certificate-hash-data';

/** A certificate we hold the PEM of (a CA of ours, or one a root distribution job sent). */
export interface KnownCertificateSource {
  readonly certificatePem: string;
  /** The issuer's PEM; absent for self-signed certificates. */
  readonly issuerPem?: string;
  /** Set when it is the certificate of one of our CAs. */
  readonly caId?: string;
}

export interface KnownCertificate {
  readonly subject: string;
  readonly notAfter: Date;
  readonly caId?: string;
}

interface Entry {
  readonly der: Buffer;
  readonly issuerDer: Buffer;
  readonly details: KnownCertificate;
  readonly hashes: Map<HashAlgorithm, CertificateHashData | undefined>;
}

/**
 * Names what stations report by hash data: a station reports only hashes, so subject, expiry and
 * CA come from certificates we have the PEM of. Hashes are computed per algorithm on first use,
 * since stations may report SHA384 or SHA512.
 */
export class KnownCertificates {
  private readonly entries: Entry[];

  constructor(sources: readonly KnownCertificateSource[]) {
    this.entries = sources.flatMap((source) => {
      const der = fromPem(source.certificatePem);
      const issuerDer = source.issuerPem === undefined ? der : fromPem(source.issuerPem);
      if (!der || !issuerDer) return [];
      let parsed: X509Certificate;
      try {
        parsed = new X509Certificate(der);
      } catch {
        return [];
      }
      const details = { subject: parsed.subject.split('\n').join(', '), notAfter: new Date(parsed.validTo), caId: source.caId };
      return [{ der, issuerDer, details, hashes: new Map() }];
    });
  }

  find(hashData: CertificateHashData): KnownCertificate | undefined {
    return this.entries.find((entry) => {
      const own = this.hashOf(entry, hashData.hashAlgorithm);
      return own !== undefined && sameCertificate(own, hashData);
    })?.details;
  }

  private hashOf(entry: Entry, algorithm: HashAlgorithm): CertificateHashData | undefined {
    if (!entry.hashes.has(algorithm)) {
      let computed: CertificateHashData | undefined;
      try {
        computed = certificateHashData(entry.der, entry.issuerDer, algorithm);
      } catch {
        computed = undefined;
      }
      entry.hashes.set(algorithm, computed);
    }
    return entry.hashes.get(algorithm);
  }
}
