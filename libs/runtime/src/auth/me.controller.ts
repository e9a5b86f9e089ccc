import { Controller, Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiZodResponse } from '../rest/zod-openapi';
import type { ApiPrincipal } from './api-token';
import { type CallerIdentity, callerIdentityOf, callerIdentitySchema } from './caller-identity';
import { ApiTokenAuth, CurrentPrincipal, RequireAnyRole } from './require-role.decorator';

/**
 * `GET /api/me`: who the bearer token names, for clients such as the operator console that show
 * or adapt to the caller's roles and tenant. Served once per process (every service in it
 * authenticates the same tokens), so each service's port answers it.
 */
@ApiTokenAuth('identity')
@Controller('me')
export class MeController {
  @Get()
  @RequireAnyRole()
  @ApiOperation({
    summary: 'Who the bearer token names',
    description: 'The caller’s name, roles, tenant, granted sites, how it authenticated and when its credential expires. Any valid token may call it (grid-operator included).',
  })
  @ApiZodResponse(200, callerIdentitySchema, 'The caller.')
  me(@CurrentPrincipal() principal: ApiPrincipal | undefined): CallerIdentity {
    // The guard sets the principal before any handler runs; absent here would be a wiring error.
    if (principal === undefined) throw new Error('GET /api/me ran without an authenticated principal');
    return callerIdentityOf(principal);
  }
}
