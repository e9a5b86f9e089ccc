import { Inject, Injectable } from '@nestjs/common';
import type { ApiPrincipal } from './api-token';
import type { ApiTokenSource } from './api-token-file.reload';
import { BearerRefused, BearerRefusalCode } from './bearer-refusal';
import type { JwtVerifier } from './oidc/jwt-verifier';
import { looksLikeJwt } from './oidc/jwt-shape';

export const API_TOKENS = Symbol('API_TOKENS');
/** The OIDC access-token verifier, or null when OIDC_ISSUER is unset. */
export const JWT_VERIFIER = Symbol('JWT_VERIFIER');

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/**
 * Who the `Authorization: Bearer` header names: a token shaped like a JWT goes to the OIDC
 * verifier (when OIDC is configured), anything else to the API tokens in force. Throws
 * BearerRefused with the reason; the token itself is never part of it.
 */
@Injectable()
export class BearerAuthenticator {
  constructor(
    @Inject(API_TOKENS) private readonly tokens: ApiTokenSource,
    @Inject(JWT_VERIFIER) private readonly jwt: JwtVerifier | null,
  ) {}

  async authenticate(authorization: string | undefined, now: Date = new Date()): Promise<ApiPrincipal> {
    const presented = bearerToken(authorization);
    if (presented === undefined) throw new BearerRefused(BearerRefusalCode.missing, 'a bearer token is required (Authorization: Bearer <API token or OIDC access token>)');
    if (this.jwt !== null && looksLikeJwt(presented)) return this.jwt.verify(presented, now);
    const checked = this.tokens.current().check(presented, now);
    if (checked.outcome === 'valid') return checked.principal;
    if (checked.outcome === 'expired') throw new BearerRefused(BearerRefusalCode.expiredToken, 'the API token expired');
    throw new BearerRefused(BearerRefusalCode.unknownToken, 'the API token is not valid');
  }
}
