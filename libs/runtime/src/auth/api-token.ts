import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenRole } from './api-role';

/**
 * A configured API token: its name (for logs and audit), the SHA-256 of the token, its roles and,
 * for a grid-operator token, the sites granted to it. Never the token.
 */
export interface ApiToken {
  name: string;
  sha256: Buffer;
  roles: TokenRole[];
  sites?: string[];
  /** The operator organisation the token belongs to; absent: it sees every tenant's data. */
  tenant?: string;
  /** From then on the token is refused (401 "expired"); absent: it does not expire. */
  expiresAt?: Date;
}

/**
 * Who called: the name, roles, granted sites (grid-operator tokens only) and tenant of the
 * credential presented. A principal without a tenant is not confined to one.
 */
export interface ApiPrincipal {
  name: string;
  roles: TokenRole[];
  sites?: string[];
  tenant?: string;
  /** How it authenticated, for the audit log (e.g. `api-token`); absent: a bearer API token. */
  credential?: string;
  /** When the credential stops being accepted (the token file's `expiresAt`, a JWT's `exp`); absent: never. */
  expiresAt?: Date;
}

/** What a presented token is: a configured one still valid (and who it names), an expired one, or none of them. */
export type ApiTokenCheck = { outcome: 'valid'; principal: ApiPrincipal } | { outcome: 'expired'; name: string } | { outcome: 'unknown' };

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The tokens a process accepts. A presented token is hashed and compared with every configured
 * hash in constant time, without stopping at a match, so the time taken says nothing about
 * which token (or which prefix of one) exists.
 */
export class ApiTokenSet {
  constructor(private readonly tokens: readonly ApiToken[]) {}

  get size(): number {
    return this.tokens.length;
  }

  /** The principal of a configured token that has not expired; undefined otherwise. */
  authenticate(presented: string, now: Date = new Date()): ApiPrincipal | undefined {
    const checked = this.check(presented, now);
    return checked.outcome === 'valid' ? checked.principal : undefined;
  }

  check(presented: string, now: Date = new Date()): ApiTokenCheck {
    const digest = sha256(presented);
    let found: ApiToken | undefined;
    for (const token of this.tokens) {
      if (timingSafeEqual(token.sha256, digest) && found === undefined) found = token;
    }
    if (found === undefined) return { outcome: 'unknown' };
    if (found.expiresAt !== undefined && found.expiresAt.getTime() <= now.getTime()) return { outcome: 'expired', name: found.name };
    const principal: ApiPrincipal = {
      name: found.name,
      roles: [...found.roles],
      ...(found.sites === undefined ? {} : { sites: [...found.sites] }),
      ...(found.tenant === undefined ? {} : { tenant: found.tenant }),
      ...(found.expiresAt === undefined ? {} : { expiresAt: found.expiresAt }),
    };
    return { outcome: 'valid', principal };
  }
}
