import { createPrivateKey } from 'node:crypto';
import { type CertificateHashData, certificatesOf, hashDataOf } from './certificate-hash';
import { createCertificateRequest } from './certificate-request';
import { DerError } from './der';

export interface InstalledCertificate {
  /** The certificateType as the CSMS named it (CentralSystemRootCertificate, CSMSRootCertificate, ...). */
  readonly type: string;
  readonly pem: string;
  readonly hashData: CertificateHashData;
}

export interface ClientIdentity {
  readonly certPem: string;
  readonly keyPem: string;
}

export enum CertificateOutcome {
  Accepted = 'Accepted',
  /** Not a readable PEM certificate. */
  Unreadable = 'Unreadable',
  /** A signed certificate arrived with no request outstanding, or for another key. */
  KeyMismatch = 'KeyMismatch',
}

const sameHash = (a: CertificateHashData, b: { issuerNameHash: string; issuerKeyHash: string; serialNumber: string }): boolean =>
  a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
  a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
  a.serialNumber.toLowerCase().replace(/^0+(?=.)/, '') === b.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');

/**
 * The certificates a station holds: installed CA certificates (InstallCertificate,
 * GetInstalledCertificateIds, DeleteCertificate) and its own client identity, obtained by
 * SignCertificate → CertificateSigned and used for security profile 3.
 */
export class CertificateStore {
  private installed: InstalledCertificate[] = [];
  private pendingKeyPem: string | undefined;
  private identity: ClientIdentity | undefined;

  constructor(identity?: ClientIdentity) {
    this.identity = identity;
  }

  install(type: string, pem: string): CertificateOutcome {
    const [certificate] = certificatesOf(pem);
    if (certificate === undefined) return CertificateOutcome.Unreadable;
    const others = this.installed.map((entry) => certificatesOf(entry.pem)).flat();
    let hashData: CertificateHashData;
    try {
      hashData = hashDataOf(certificate, others);
    } catch (error) {
      if (error instanceof DerError) return CertificateOutcome.Unreadable;
      throw error;
    }
    this.installed = this.installed.filter((entry) => !sameHash(entry.hashData, hashData));
    this.installed.push({ type, pem, hashData });
    return CertificateOutcome.Accepted;
  }

  /** Removes the certificate with this hash data; false when none matches. */
  remove(hashData: { issuerNameHash: string; issuerKeyHash: string; serialNumber: string }): boolean {
    const before = this.installed.length;
    this.installed = this.installed.filter((entry) => !sameHash(entry.hashData, hashData));
    return this.installed.length < before;
  }

  /** Installed certificates of the given types (all when `types` is empty or absent). */
  list(types: readonly string[] = []): readonly InstalledCertificate[] {
    return types.length === 0 ? this.installed : this.installed.filter((entry) => types.includes(entry.type));
  }

  /** A new key and CSR (CN = serial number, O = organisation); the key waits for CertificateSigned. */
  requestSigning(serialNumber: string, organization: string): string {
    const request = createCertificateRequest(serialNumber, organization);
    this.pendingKeyPem = request.keyPem;
    return request.csrPem;
  }

  /** CertificateSigned: the chain's first certificate must belong to the key of the last request. */
  acceptSigned(chainPem: string): CertificateOutcome {
    const [leaf] = certificatesOf(chainPem);
    if (leaf === undefined) return CertificateOutcome.Unreadable;
    if (this.pendingKeyPem === undefined || !leaf.checkPrivateKey(createPrivateKey(this.pendingKeyPem))) return CertificateOutcome.KeyMismatch;
    this.identity = { certPem: chainPem, keyPem: this.pendingKeyPem };
    this.pendingKeyPem = undefined;
    return CertificateOutcome.Accepted;
  }

  /** The client certificate and key for profile 3, if the station has one. */
  clientIdentity(): ClientIdentity | undefined {
    return this.identity;
  }
}
