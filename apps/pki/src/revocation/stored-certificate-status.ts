import { Inject, Injectable } from '@nestjs/common';
import { type CertificateStatus, type CertificateStatusSource, IssuerIndex, type IssuingAuthority } from './certificate-status';
import { ISSUED_CERTIFICATES, type IssuedCertificates } from './issued-certificates';
import { ISSUING_AUTHORITIES, type IssuingAuthorities } from './issuing-authorities';
import type { CertIdHash } from './ocsp-request.reader';
import { RevocationRepository } from './revocation.repository';

/** What the OCSP responder answers from: our CAs, the certificates they issued and the revocation table. */
@Injectable()
export class StoredCertificateStatus implements CertificateStatusSource {
  private indexed: { authorities: readonly IssuingAuthority[]; index: IssuerIndex } = { authorities: [], index: new IssuerIndex([]) };

  constructor(
    @Inject(ISSUING_AUTHORITIES) private readonly authorities: IssuingAuthorities,
    @Inject(ISSUED_CERTIFICATES) private readonly issued: IssuedCertificates,
    private readonly revocations: RevocationRepository,
  ) {}

  async issuerOf(hashAlgorithm: CertIdHash, issuerNameHash: Buffer, issuerKeyHash: Buffer): Promise<IssuingAuthority | undefined> {
    return (await this.index()).find(hashAlgorithm, issuerNameHash, issuerKeyHash);
  }

  async statusOf(issuer: IssuingAuthority, serialNumber: string): Promise<CertificateStatus> {
    const revocation = await this.revocations.find(issuer.id, serialNumber);
    if (revocation) return { status: 'revoked', revokedAt: new Date(revocation.revoked_at), reason: revocation.reason };
    const issued = await this.issued.withSerial(serialNumber, issuer.id);
    return issued.length > 0 ? { status: 'good' } : { status: 'unknown' };
  }

  /** The hashes are computed again only when the set of CAs changed (a CA added, a key rolled over). */
  private async index(): Promise<IssuerIndex> {
    const authorities = await this.authorities.list();
    const same = authorities.length === this.indexed.authorities.length && authorities.every((issuer, i) => issuer === this.indexed.authorities[i]);
    if (!same) this.indexed = { authorities, index: new IssuerIndex(authorities) };
    return this.indexed.index;
  }
}
