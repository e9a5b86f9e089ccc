import { ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, RequireRole, TENANT_ID_PATTERN, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { siteIdSchema } from '../topology/node-fields.schemas';
import { SitesService } from '../topology/sites.service';
import { topologyAnswer } from '../topology/topology-answer';
import { sitePipe } from '../topology/topology-params';
import { siteTreeSchema } from '../topology/topology-view.schemas';
import { SiteTenantAssignment } from './site-tenant.assignment';

export const assignSiteTenantBody = z.strictObject({
  tenant: z
    .string()
    .regex(TENANT_ID_PATTERN, 'must be a tenant id: 1-64 letters, digits, ".", "_" or "-"')
    .nullable()
    .meta({ description: 'The operator organisation the site belongs to from now on; null: none (only tokens without a tenant see it).' }),
});
export type AssignSiteTenantBody = z.output<typeof assignSiteTenantBody>;

@ApiTokenAuth('topology')
@Controller('sites')
export class SiteTenantController {
  constructor(
    private readonly assignment: SiteTenantAssignment,
    private readonly sites: SitesService,
  ) {}

  @Put(':siteId/tenant')
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({
    summary: 'Assign a site to a tenant',
    description:
      'Moves the site, with its nodes, limits, allocation and audit log, to a tenant or to none. Only for admin tokens without a tenant: a token confined to a tenant cannot move sites between tenants (403). Refused while the site holds a station the tenant does not (422); the tenant’s stations are asked of the connection service (503 when it cannot answer).',
  })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodBody(assignSiteTenantBody)
  @ApiZodResponse(200, siteTreeSchema, 'The site’s tree, with its new tenant.')
  @ApiProblems({ 400: 'The site id or body is invalid.', 403: 'The token is confined to a tenant.', 404: 'No such site.', 422: 'The site holds a station the tenant does not.', 503: 'The connection service cannot tell the tenant’s stations.' })
  async assign(@Param('siteId', sitePipe) siteId: string, @Body(new ZodValidationPipe(assignSiteTenantBody, 'body')) body: AssignSiteTenantBody) {
    topologyAnswer(await this.assignment.assign(siteId, body.tenant));
    return topologyAnswer(await this.sites.tree(siteId));
  }
}
