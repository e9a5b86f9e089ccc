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
}

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

  authenticate(presented: string): ApiPrincipal | undefined {
    const digest = sha256(presented);
    let found: ApiToken | undefined;
    for (const token of this.tokens) {
      if (timingSafeEqual(token.sha256, digest) && found === undefined) found = token;
    }
    if (found === undefined) return undefined;
    return {
      name: found.name,
      roles: [...found.roles],
      ...(found.sites === undefined ? {} : { sites: [...found.sites] }),
      ...(found.tenant === undefined ? {} : { tenant: found.tenant }),
    };
  }
}
