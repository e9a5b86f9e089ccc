import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodResponse, CurrentPrincipal, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { actorOf } from '../topology/topology-params';
import {
  type CreateProviderBody,
  type PutGroupsBody,
  type UpdateProviderBody,
  createProviderBody,
  createdProviderSchema,
  providerIdSchema,
  providerListSchema,
  providerViewSchema,
  putGroupsBody,
  rotatedTokenSchema,
  updateProviderBody,
} from './capacity-provider.schemas';
import { CapacityProvidersService } from './capacity-providers.service';
import { oscpAnswer } from './oscp.error';

const providerPipe = new ZodValidationPipe(providerIdSchema, 'path.providerId');

/**
 * The registry of OSCP Capacity Providers (grid operators sending capacity forecasts over OSCP
 * 2.0): admins hold their tokens, operators map their capacity groups onto topology nodes.
 */
@ApiTokenAuth('oscp')
@Controller('oscp/capacity-providers')
export class CapacityProvidersController {
  constructor(private readonly providers: CapacityProvidersService) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'Capacity Providers', description: 'Every provider with its groups, whether it is silent (its fallback forecasts applied) and our heartbeats to it. Tokens are never shown.' })
  @ApiZodResponse(200, providerListSchema, 'The providers, by id.')
  async list() {
    return { items: await this.providers.list() };
  }

  @Post()
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({
    summary: 'Register a Capacity Provider',
    description:
      'Creates the provider and answers the token it calls us with (shown once, stored as a hash). Either hand it that token and our OSCP base URL (`/api/oscp/fp/2.0`) so that it registers itself (OSCP Register, which replaces the token), or give `baseUrl` and `outboundToken` here.',
  })
  @ApiZodBody(createProviderBody)
  @ApiZodResponse(201, createdProviderSchema, 'Created; `token` is shown this once.')
  @ApiProblems({ 400: 'The body is invalid, or a group names a node that does not exist.', 409: 'A provider of this id exists.' })
  async create(@Body(new ZodValidationPipe(createProviderBody, 'body')) body: CreateProviderBody) {
    return oscpAnswer(await this.providers.create(body));
  }

  @Get(':providerId')
  @RequireRole('viewer')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'A Capacity Provider' })
  @ApiZodParam('providerId', providerIdSchema, 'The provider.')
  @ApiZodResponse(200, providerViewSchema, 'The provider.')
  @ApiProblems({ 404: 'No such provider.' })
  async view(@Param('providerId', providerPipe) providerId: string) {
    return oscpAnswer(await this.providers.view(providerId));
  }

  @Patch(':providerId')
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'Change a Capacity Provider', description: 'Its name, base URL, the token we call it with (write-only), or the heartbeat interval.' })
  @ApiZodParam('providerId', providerIdSchema, 'The provider.')
  @ApiZodBody(updateProviderBody)
  @ApiZodResponse(200, providerViewSchema, 'Changed.')
  @ApiProblems({ 400: 'The body is invalid.', 404: 'No such provider.' })
  async update(@Param('providerId', providerPipe) providerId: string, @Body(new ZodValidationPipe(updateProviderBody, 'body')) body: UpdateProviderBody) {
    return oscpAnswer(await this.providers.update(providerId, body));
  }

  @Post(':providerId/token')
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'Issue a new token to a Capacity Provider', description: 'The previous token stops working at once. Shown this once.' })
  @ApiZodParam('providerId', providerIdSchema, 'The provider.')
  @ApiZodResponse(201, rotatedTokenSchema, 'The new token.')
  @ApiProblems({ 404: 'No such provider.' })
  async rotateToken(@Param('providerId', providerPipe) providerId: string) {
    return oscpAnswer(await this.providers.rotateToken(providerId));
  }

  @Put(':providerId/groups')
  @RequireRole('operator')
  @TenantScoped.untenanted()
  @ApiOperation({
    summary: 'Map the provider’s capacity groups to nodes',
    description: 'Replaces the mapping `group_id` → (site, node). A node no group limits any more loses the provider’s schedule; the others get the forecast that applies now.',
  })
  @ApiZodParam('providerId', providerIdSchema, 'The provider.')
  @ApiZodBody(putGroupsBody)
  @ApiZodResponse(200, providerViewSchema, 'Replaced.')
  @ApiProblems({ 400: 'The body is invalid, or a group names a node that does not exist.', 404: 'No such provider.' })
  async replaceGroups(
    @Param('providerId', providerPipe) providerId: string,
    @Body(new ZodValidationPipe(putGroupsBody, 'body')) body: PutGroupsBody,
    @CurrentPrincipal() principal: ApiPrincipal | undefined,
  ) {
    return oscpAnswer(await this.providers.replaceGroups(providerId, body, actorOf(principal)));
  }

  @Delete(':providerId')
  @HttpCode(204)
  @RequireRole('admin')
  @TenantScoped.untenanted()
  @ApiOperation({ summary: 'Remove a Capacity Provider', description: 'Its token stops working and its schedules leave the nodes (audited).' })
  @ApiZodParam('providerId', providerIdSchema, 'The provider.')
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems({ 404: 'No such provider.' })
  async remove(@Param('providerId', providerPipe) providerId: string, @CurrentPrincipal() principal: ApiPrincipal | undefined): Promise<void> {
    oscpAnswer(await this.providers.remove(providerId, actorOf(principal)));
  }
}
