import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiRole } from './api-role';

/** A configured API token: its name (for logs and audit), the SHA-256 of the token, its roles. Never the token. */
export interface ApiToken {
  name: string;
  sha256: Buffer;
  roles: ApiRole[];
}

/** Who called: the name and roles of the token presented. */
export interface ApiPrincipal {
  name: string;
  roles: ApiRole[];
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
    return found && { name: found.name, roles: [...found.roles] };
  }
}
