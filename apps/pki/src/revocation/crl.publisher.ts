import { Inject, Injectable } from '@nestjs/common';
import { type StoredCrl, CrlRepository } from './crl.repository';
import { signCrl } from './crl.builder';
import { ISSUING_AUTHORITIES, type IssuingAuthorities } from './issuing-authorities';
import { RevocationErrorCode, RevocationError } from './revocation.error';
import { RevocationRepository } from './revocation.repository';
import { REVOCATION_TIMINGS, type RevocationTimings } from './revocation-timings';

/**
 * The CRL of each CA: served from the stored one while it is fresh, renewed (signed with the next
 * CRL number) when a revocation made it stale or it is older than crlRenewAfterMs.
 */
@Injectable()
export class CrlPublisher {
  constructor(
    @Inject(ISSUING_AUTHORITIES) private readonly authorities: IssuingAuthorities,
    private readonly crls: CrlRepository,
    private readonly revocations: RevocationRepository,
    @Inject(REVOCATION_TIMINGS) private readonly timings: RevocationTimings,
  ) {}

  /** The current CRL of CA `issuerId`, DER. */
  async crlOf(issuerId: string, now: Date = new Date()): Promise<StoredCrl> {
    const stored = await this.crls.latest(issuerId);
    if (stored && this.isFresh(stored, now)) return stored;
    return this.renew(issuerId, now);
  }

  /** Signs a new CRL for `issuerId` unless another renewal just did. */
  async renew(issuerId: string, now: Date = new Date()): Promise<StoredCrl> {
    const issuer = await this.authorities.byId(issuerId);
    if (issuer === undefined) throw new RevocationError(RevocationErrorCode.authorityNotFound, `no CA with id ${JSON.stringify(issuerId)}`);
    return this.crls.renew(issuerId, async (manager, current) => {
      if (current && this.isFresh(current, now)) return current;
      const thisUpdate = now;
      const nextUpdate = new Date(now.getTime() + this.timings.crlValidityMs);
      // An entry stays until one CRL issued after the certificate expired has listed it (RFC 5280 §5.1.2.6).
      const rows = await this.revocations.unexpiredOf(manager, issuerId, new Date(now.getTime() - this.timings.crlValidityMs));
      const crlNumber = (current?.crlNumber ?? 0n) + 1n;
      const der = await signCrl({
        authority: issuer.authority,
        thisUpdate,
        nextUpdate,
        crlNumber,
        revoked: rows.map((row) => ({ serialNumber: row.serial_number, revokedAt: new Date(row.revoked_at), reason: row.reason })),
      });
      return { crlNumber, thisUpdate, nextUpdate, der, stale: false };
    });
  }

  private isFresh(crl: StoredCrl, now: Date): boolean {
    return !crl.stale && now.getTime() < crl.thisUpdate.getTime() + this.timings.crlRenewAfterMs && now < crl.nextUpdate;
  }
}
