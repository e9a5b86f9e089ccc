import { createHash } from 'node:crypto';
import type { CertificateAuthority } from '../authorities/certificate-authority';
import { type Tlv, contentOf, expectChildren, readTlv } from '../x509/der-reader';
import type { CertIdHash } from './ocsp-request.reader';
import type { RevocationReason } from './revocation-reason';

/** What the PKI knows of one certificate a CA of ours may have issued. */
export type CertificateStatus =
  | { readonly status: 'good' }
  | { readonly status: 'revoked'; readonly revokedAt: Date; readonly reason: RevocationReason }
  /** Never issued by this CA as far as we know (RFC 6960 §2.2: the responder doesn't know the certificate). */
  | { readonly status: 'unknown' };

/** A CA the PKI answers revocation questions for, under its id in the CA store. */
export interface IssuingAuthority {
  readonly id: string;
  readonly authority: CertificateAuthority;
}

/** Where the OCSP responder learns what it answers: our CAs, and the status of a serial under one of them. */
export interface CertificateStatusSource {
  /** The CA of ours whose name and key hash to these values under `hashAlgorithm`, if any. */
  issuerOf(hashAlgorithm: CertIdHash, issuerNameHash: Buffer, issuerKeyHash: Buffer): Promise<IssuingAuthority | undefined>;
  /** The status of the certificate with this serial (lower-case hex, no leading zeroes) issued by `issuer`. */
  statusOf(issuer: IssuingAuthority, serialNumber: string): Promise<CertificateStatus>;
}

/**
 * The CertID issuer hashes of a set of CAs, computed once per hash algorithm: the name hash is over
 * the CA's subject Name DER, the key hash over its subjectPublicKey BIT STRING value (RFC 6960 §4.1.1).
 */
export class IssuerIndex {
  private readonly byHashes = new Map<string, IssuingAuthority>();

  constructor(authorities: readonly IssuingAuthority[]) {
    for (const issuer of authorities) {
      const keyBits = subjectPublicKeyBits(issuer.authority.certificate);
      for (const hash of ['sha1', 'sha256', 'sha384', 'sha512'] as const) {
        const name = createHash(hash).update(issuer.authority.subject).digest('hex');
        const key = createHash(hash).update(keyBits).digest('hex');
        this.byHashes.set(`${hash}:${name}:${key}`, issuer);
      }
    }
  }

  find(hashAlgorithm: CertIdHash, issuerNameHash: Buffer, issuerKeyHash: Buffer): IssuingAuthority | undefined {
    return this.byHashes.get(`${hashAlgorithm}:${issuerNameHash.toString('hex')}:${issuerKeyHash.toString('hex')}`);
  }
}

function subjectPublicKeyBits(certificate: Buffer): Buffer {
  const [tbs] = expectChildren(certificate, readTlv(certificate, 0), [0x30], 'Certificate') as [Tlv];
  const fields = expectChildren(certificate, tbs, [0xa0, 0x02, 0x30, 0x30, 0x30, 0x30, 0x30], 'TBSCertificate');
  const [, bits] = expectChildren(certificate, fields[6] as Tlv, [0x30, 0x03], 'SubjectPublicKeyInfo') as [Tlv, Tlv];
  return contentOf(certificate, bits).subarray(1);
}
