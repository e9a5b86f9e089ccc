import { Injectable } from '@nestjs/common';
import type { IssuingAuthority } from './certificate-status';

/**
 * The CAs whose certificates the PKI revokes, lists on CRLs and answers OCSP for. The CA store
 * implements it once it exists; until then RegisteredAuthorities holds the CAs given to it.
 */
export interface IssuingAuthorities {
  list(): Promise<readonly IssuingAuthority[]>;
  byId(id: string): Promise<IssuingAuthority | undefined>;
}

/** Injection token of the IssuingAuthorities the revocation module uses. */
export const ISSUING_AUTHORITIES = Symbol('ISSUING_AUTHORITIES');

/** The CAs registered with this process, in memory: the stand-in until the CA store provides IssuingAuthorities. */
@Injectable()
export class RegisteredAuthorities implements IssuingAuthorities {
  private readonly authorities = new Map<string, IssuingAuthority>();

  register(issuer: IssuingAuthority): void {
    this.authorities.set(issuer.id, issuer);
  }

  list(): Promise<readonly IssuingAuthority[]> {
    return Promise.resolve([...this.authorities.values()]);
  }

  byId(id: string): Promise<IssuingAuthority | undefined> {
    return Promise.resolve(this.authorities.get(id));
  }
}
