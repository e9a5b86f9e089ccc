import { ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, Problem, RequireRole, TENANT_ID_PATTERN, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { siteIdSchema } from '../topology/node-fields.schemas';
import { SitesService } from '../topology/sites.service';
import { topologyAnswer } from '../topology/topology-answer';
import { sitePipe } from '../topology/topology-params';
import { siteTreeSchema } from '../topology/topology-view.schemas';
import { SiteTenantRepository } from './site-tenant.repository';

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
    private readonly tenancy: SiteTenantRepository,
    private readonly sites: SitesService,
  ) {}

  @Put(':siteId/tenant')
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({
    summary: 'Assign a site to a tenant',
    description:
      'Moves the site, with its nodes, limits, allocation and audit log, to a tenant or to none. Only for admin tokens without a tenant: a token confined to a tenant cannot move sites between tenants (403).',
  })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodBody(assignSiteTenantBody)
  @ApiZodResponse(200, siteTreeSchema, 'The site’s tree, with its new tenant.')
  @ApiProblems({ 400: 'The site id or body is invalid.', 403: 'The token is confined to a tenant.', 404: 'No such site.' })
  async assign(@Param('siteId', sitePipe) siteId: string, @Body(new ZodValidationPipe(assignSiteTenantBody, 'body')) body: AssignSiteTenantBody) {
    if (!(await this.tenancy.assign(siteId, body.tenant))) throw new Problem({ status: 404, code: 'site-not-found', detail: `there is no site ${siteId}` });
    return topologyAnswer(await this.sites.tree(siteId));
  }
}
