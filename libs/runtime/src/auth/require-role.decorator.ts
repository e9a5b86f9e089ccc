import { SetMetadata, UseGuards, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../rest/zod-openapi';
import { ANY_ROLE, type ApiRole, GRID_OPERATOR, type RouteAccessRole } from './api-role';
import type { ApiPrincipal } from './api-token';
import { ApiTokenGuard, type AuthenticatedRequest, GRID_OPERATOR_SITE, REQUIRED_ROLE } from './api-token.guard';

/** The OpenAPI security scheme of the REST APIs' static API tokens. */
export const API_TOKEN_AUTH = 'api-token';

/** The OpenAPI security scheme of OIDC access tokens (JWTs) in the same bearer header. */
export const OIDC_AUTH = 'oidc';

/**
 * Marks a controller as part of a REST API: every route needs a bearer API token or OIDC access
 * token, and each must say which role with `@RequireRole` (a route that does not is refused to everyone).
 */
export function ApiTokenAuth(tag: string): ClassDecorator {
  return applyDecorators(UseGuards(ApiTokenGuard), ApiTags(tag), ApiBearerAuth(API_TOKEN_AUTH), ApiBearerAuth(OIDC_AUTH));
}

export interface RequireRoleOptions {
  /**
   * Also lets a grid-operator token through when the site named by this path parameter is one of
   * its granted sites (`sites` in the token file). Only smart charging's limits and draw-deviation
   * endpoints say so.
   */
  gridOperatorSite?: string;
}

/** `x-required-role` of a route: the role it requires, and `|grid-operator` when grid-operator tokens of a granted site may call it too. */
export function requiredRoleText(role: RouteAccessRole, gridOperator: boolean): string {
  return gridOperator ? `${role}|${GRID_OPERATOR}` : role;
}

/**
 * The role a token needs for this route (`rolesAdmitted` says which held roles satisfy it), and whether a
 * grid-operator token granted the route's site may call it as well. Documented in OpenAPI as
 * `x-required-role` (`viewer`, or `operator|grid-operator`) and `x-grid-operator-site` (the path
 * parameter naming the site).
 */
export function RequireRole(role: ApiRole, options: RequireRoleOptions = {}): MethodDecorator {
  const site = options.gridOperatorSite;
  const gridOperator = site === undefined ? [] : [SetMetadata(GRID_OPERATOR_SITE, site), ApiExtension('x-grid-operator-site', site)];
  const refused = site === undefined ? `The token lacks the ${role} role.` : `The token lacks the ${role} role and is not a grid-operator token granted this site.`;
  return applyDecorators(
    SetMetadata(REQUIRED_ROLE, role),
    ...gridOperator,
    ApiExtension('x-required-role', requiredRoleText(role, site !== undefined)),
    ApiProblems({ 401: 'No bearer token, or one that is not valid.', 403: refused }),
  );
}

/**
 * Any valid token may call this route, whatever its roles (grid-operator included): 401 without one.
 * For routes that only tell the caller about itself (`GET /api/me`). Documented as `x-required-role: any`.
 */
export function RequireAnyRole(): MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRED_ROLE, ANY_ROLE), ApiExtension('x-required-role', ANY_ROLE), ApiProblems({ 401: 'No bearer token, or one that is not valid.' }));
}

/** The caller, for audit logs: the name and roles of the token presented. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiPrincipal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().apiPrincipal,
);
