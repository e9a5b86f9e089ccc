import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Problem } from '../rest/problem';
import { type ApiRole, GRID_OPERATOR, grants } from './api-role';
import type { ApiPrincipal, ApiTokenSet } from './api-token';
import { SITE_ID_PATTERN, siteGranted } from './site-grants';

export const API_TOKENS = Symbol('API_TOKENS');
export const REQUIRED_ROLE = 'csms:required-role';
/** The path parameter naming the site whose grid-operator tokens may call a route too (`RequireRole(role, { gridOperatorSite })`). */
export const GRID_OPERATOR_SITE = 'csms:grid-operator-site';

/** The request once the guard authenticated it: who called (set even when the role check then refuses). */
export type AuthenticatedRequest = Request & { apiPrincipal?: ApiPrincipal };

const CHALLENGE = 'Bearer realm="csms"';

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

function unauthenticated(detail: string, challenge: string): Problem {
  return new Problem({ status: 401, code: 'unauthenticated', detail, headers: { 'WWW-Authenticate': challenge } });
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
 * Bearer API tokens and roles (`docs/adr/008-operator-api-auth.md`): 401 without a token or with
 * one that is not configured, 403 when the token lacks the role the endpoint requires. An
 * endpoint that declares no role is refused to everyone, so a forgotten `@RequireRole` fails
 * closed. A grid-operator token holds no ranked role: it passes only on routes that admit grid
 * operators, for a site granted to it (`docs/adr/016-topology-and-limits.md`). Tokens are never
 * logged; the principal's name is.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(
    @Inject(API_TOKENS) private readonly tokens: ApiTokenSet,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = bearerToken(request.headers.authorization);
    if (presented === undefined) throw unauthenticated('a bearer API token is required (Authorization: Bearer <token>)', CHALLENGE);
    const principal = this.tokens.authenticate(presented);
    if (principal === undefined) throw unauthenticated('the API token is not valid', `${CHALLENGE}, error="invalid_token"`);
    // Known before the role check, so that the audit names who was refused (docs/adr/038-audit-log.md).
    request.apiPrincipal = principal;
    const required = this.reflector.getAllAndOverride<ApiRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (required === undefined) throw new Problem({ status: 403, code: 'forbidden', detail: 'this endpoint declares no required role, so no token may call it' });
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
