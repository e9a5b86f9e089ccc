import { SetMetadata, UseGuards, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../rest/zod-openapi';
import type { ApiRole } from './api-role';
import type { ApiPrincipal } from './api-token';
import { ApiTokenGuard, type AuthenticatedRequest, REQUIRED_ROLE } from './api-token.guard';

/** The OpenAPI security scheme of the REST APIs. */
export const API_TOKEN_AUTH = 'api-token';

/**
 * Marks a controller as part of a REST API: every route needs a bearer API token, and each must
 * say which role with `@RequireRole` (a route that does not is refused to everyone).
 */
export function ApiTokenAuth(tag: string): ClassDecorator {
  return applyDecorators(UseGuards(ApiTokenGuard), ApiTags(tag), ApiBearerAuth(API_TOKEN_AUTH));
}

/** The least role a token needs for this route: viewer < operator < admin. Documented in OpenAPI as `x-required-role`. */
export function RequireRole(role: ApiRole): MethodDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLE, role),
    ApiExtension('x-required-role', role),
    ApiProblems({ 401: 'No bearer token, or one that is not valid.', 403: `The token lacks the ${role} role.` }),
  );
}

/** The caller, for audit logs: the name and roles of the token presented. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiPrincipal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().apiPrincipal,
);
