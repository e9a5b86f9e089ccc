import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuthoritiesService } from '../authorities/authorities.service';
import type { CaRecord } from '../authorities/certificate-authority.repository';
import type { IssuingAuthority } from './certificate-status';

/** The CAs whose certificates the PKI revokes, lists on CRLs and answers OCSP for. */
export interface IssuingAuthorities {
  list(): Promise<readonly IssuingAuthority[]>;
  byId(id: string): Promise<IssuingAuthority | undefined>;
}

/** Injection token of the IssuingAuthorities the revocation module uses. */
export const ISSUING_AUTHORITIES = Symbol('ISSUING_AUTHORITIES');

/**
 * Every CA of the CA store (roots too: a relying party that checks CRLs checks the whole chain, so
 * each root needs its CRL). Each CA is opened once and kept as the same object, so the OCSP
 * issuer index is computed again only when a CA is added, not on every request.
 */
@Injectable()
export class StoredIssuingAuthorities implements IssuingAuthorities {
  private readonly opened = new Map<string, Promise<IssuingAuthority>>();
  private readonly logger: Logger;

  constructor(
    private readonly authorities: AuthoritiesService,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'issuing-authorities' });
  }

  /** The CAs whose key opens; one that does not (a missing key file) is left out and logged, not fatal for the others. */
  async list(): Promise<readonly IssuingAuthority[]> {
    const opened = await Promise.all((await this.authorities.list()).map((record) => this.issuingAuthorityOf(record)));
    return opened.filter((issuer): issuer is IssuingAuthority => issuer !== undefined);
  }

  async byId(id: string): Promise<IssuingAuthority | undefined> {
    const record = (await this.authorities.list()).find((candidate) => candidate.id === id);
    return record ? this.issuingAuthorityOf(record) : undefined;
  }

  private async issuingAuthorityOf(record: CaRecord): Promise<IssuingAuthority | undefined> {
    try {
      return await this.opening(record);
    } catch (error) {
      this.logger.error({ caId: record.id, err: error }, 'a CA cannot be opened: it gets no CRL and no OCSP answers');
      return undefined;
    }
  }

  private opening(record: CaRecord): Promise<IssuingAuthority> {
    let issuer = this.opened.get(record.id);
    if (!issuer) {
      issuer = this.authorities.open(record).then((authority) => ({ id: record.id, authority }));
      issuer.catch(() => this.opened.delete(record.id));
      this.opened.set(record.id, issuer);
    }
    return issuer;
  }
}
