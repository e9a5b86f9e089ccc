import {
  type ApiPrincipal,
  ApiProblems,
  ApiTokenAuth,
  ApiZodBody,
  ApiZodParam,
  ApiZodQuery,
  ApiZodResponse,
  CallerTenant,
  CurrentPrincipal,
  RequireRole,
  TenantScoped,
  ZodValidationPipe,
} from '@app/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { siteIdSchema } from './node-fields.schemas';
import { type CreateSiteBody, type ListSitesQuery, createSiteBody, listSitesQuery } from './site.schemas';
import { SitesService } from './sites.service';
import { topologyAnswer } from './topology-answer';
import { actorOf, sitePipe } from './topology-params';
import { sitePageSchema, siteTreeSchema } from './topology-view.schemas';

@ApiTokenAuth('topology')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'List sites', description: 'Sites in id order, with the root’s default limit and the number of nodes. A token confined to a tenant lists that tenant’s sites only.' })
  @ApiZodQuery(listSitesQuery)
  @ApiZodResponse(200, sitePageSchema, 'A page of sites.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listSitesQuery, 'query')) query: ListSitesQuery, @CallerTenant() tenant: string | undefined) {
    return this.sites.list(query, tenant);
  }

  @Post()
  @RequireRole('operator')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'Create a site with its whole tree',
    description:
      'The site, its root node (node id = site id) with its default limit, and every node below it in one request (`children`, nested to any depth): feeders, cabinets, transformers, chargers (by station id; the station need not be known yet, except in a tenant’s site, whose chargers must be stations registered in the tenant) and their EVSEs. All or nothing. Chargers default their node id to the station id, EVSEs to `<charger>:<evseId>`. Audited. A token confined to a tenant creates the site in its tenant.',
  })
  @ApiZodBody(createSiteBody)
  @ApiZodResponse(201, siteTreeSchema, 'The site was created; its tree.')
  @ApiProblems({
    400: 'The body is invalid (the detail names the field).',
    409: 'The site exists, or a station is the charger of another node already.',
    422: 'The token is confined to a tenant and a station named is not registered in it.',
    503: 'The token is confined to a tenant and the connection service cannot tell its stations.',
  })
  async create(@Body(new ZodValidationPipe(createSiteBody, 'body')) body: CreateSiteBody, @CurrentPrincipal() principal: ApiPrincipal | undefined) {
    return topologyAnswer(await this.sites.create(body, actorOf(principal), principal?.tenant));
  }

  @Get(':siteId')
  @RequireRole('viewer', { gridOperatorSite: 'siteId' })
  @ApiOperation({ summary: 'A site’s whole tree', description: 'The site and every node, nested from the root; each node with its version for changes.' })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodResponse(200, siteTreeSchema, 'The site’s tree.')
  @ApiProblems({ 400: 'The site id is invalid.', 404: 'No such site.' })
  async tree(@Param('siteId', sitePipe) siteId: string) {
    return topologyAnswer(await this.sites.tree(siteId));
  }

  @Delete(':siteId')
  @HttpCode(204)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Delete a site', description: 'With all its nodes and limit schedules. The audit log keeps what it was.' })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiNoContentResponse({ description: 'The site was deleted.' })
  @ApiProblems({ 400: 'The site id is invalid.', 404: 'No such site.' })
  async delete(@Param('siteId', sitePipe) siteId: string, @CurrentPrincipal() principal: ApiPrincipal | undefined): Promise<void> {
    topologyAnswer(await this.sites.delete(siteId, actorOf(principal)));
  }
}
