import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Problem } from '../rest/problem';
import { ANY_ROLE, GRID_OPERATOR, type RouteAccessRole, grants } from './api-role';
import type { ApiPrincipal } from './api-token';
import { BearerAuthenticator } from './bearer-authenticator';
import { BearerRefusalCode, BearerRefused } from './bearer-refusal';
import { SITE_ID_PATTERN, siteGranted } from './site-grants';

export const REQUIRED_ROLE = 'csms:required-role';
/** The path parameter naming the site whose grid-operator tokens may call a route too (`RequireRole(role, { gridOperatorSite })`). */
export const GRID_OPERATOR_SITE = 'csms:grid-operator-site';

/** The request once the guard authenticated it: who called (set even when the role check then refuses). */
export type AuthenticatedRequest = Request & { apiPrincipal?: ApiPrincipal };

const CHALLENGE = 'Bearer realm="csms"';

/** RFC 6750 section 3: error_description is a quoted string of printable ASCII without `"` and `\`. */
function quotable(text: string): string {
  return text.replace(/[^\x20-\x7e]|["\\]/g, "'");
}

/** 401 with the RFC 6750 challenge (no error code when no token came); 503 when the provider's keys cannot be fetched. */
function problemOf(refused: BearerRefused): Problem {
  if (refused.code === BearerRefusalCode.keysUnavailable) {
    return new Problem({ status: 503, code: 'authentication-unavailable', detail: refused.reason, headers: { 'Retry-After': '5' } });
  }
  const challenge = refused.code === BearerRefusalCode.missing ? CHALLENGE : `${CHALLENGE}, error="invalid_token", error_description="${quotable(refused.reason)}"`;
  return new Problem({ status: 401, code: 'unauthenticated', detail: refused.reason, headers: { 'WWW-Authenticate': challenge } });
}

function siteNotGranted(principal: ApiPrincipal, siteId: string | undefined): Problem {
  const site = siteId !== undefined && SITE_ID_PATTERN.test(siteId) ? `site "${siteId}"` : 'the site in the path';
  return new Problem({
    status: 403,
    code: 'forbidden',
    detail: `the grid-operator token "${principal.name}" is not granted ${site}`,
    extensions: { requiredRole: GRID_OPERATOR, ...(site === 'the site in the path' ? {} : { siteId }) },
  });
}

/**
 * Bearer API tokens, OIDC access tokens and roles (`docs/adr/008-operator-api-auth.md`,
 * `docs/adr/036-oidc-and-role-matrix.md`): 401 without a token or with one that does not
 * authenticate (unknown, expired, a JWT refused by the verifier), 403 when the caller lacks the
 * role the endpoint requires; 503 when an OIDC token came but the provider's keys cannot be
 * fetched. An endpoint that declares no role is refused to everyone, so a forgotten
 * `@RequireRole` fails closed. A grid-operator token holds no other role: it passes only on routes
 * that admit grid operators, for a site granted to it (`docs/adr/016-topology-and-limits.md`).
 * Tokens are never logged; the principal's name is.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(
    @Inject(BearerAuthenticator) private readonly authenticator: BearerAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    let principal: ApiPrincipal;
    try {
      principal = await this.authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      throw error instanceof BearerRefused ? problemOf(error) : error;
    }
    // Known before the role check, so that the audit names who was refused (docs/adr/038-audit-log.md).
    request.apiPrincipal = principal;
    const required = this.reflector.getAllAndOverride<RouteAccessRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (required === undefined) throw new Problem({ status: 403, code: 'forbidden', detail: 'this endpoint declares no required role, so no token may call it' });
    if (required === ANY_ROLE) return true;
    if (!grants(principal.roles, required)) {
      const siteParameter = this.reflector.getAllAndOverride<string | undefined>(GRID_OPERATOR_SITE, [context.getHandler(), context.getClass()]);
      if (siteParameter !== undefined && principal.roles.includes(GRID_OPERATOR)) {
        const siteId: unknown = request.params?.[siteParameter];
        const site = typeof siteId === 'string' ? siteId : undefined;
        if (!siteGranted(principal, site)) throw siteNotGranted(principal, site);
      } else {
        throw new Problem({ status: 403, code: 'forbidden', detail: `the token "${principal.name}" lacks the ${required} role`, extensions: { requiredRole: required } });
      }
    }
    return true;
  }
}
