import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, CallerTenant, CurrentPrincipal, DEFAULT_PAGE_SIZE, Problem, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ProfileUpgradeRepository } from './profile-upgrade.repository';
import {
  type ListProfileUpgradesQuery,
  type StartProfileUpgradeBody,
  listProfileUpgradesQuery,
  profileUpgradeIdSchema,
  profileUpgradeListSchema,
  profileUpgradeSchema,
  profileUpgradeViewOf,
  startProfileUpgradeBody,
} from './profile-upgrade.schemas';
import { ProfileUpgradeService } from './profile-upgrade.service';
import { StationTenantDirectory } from '@app/pki/tenancy/station-tenant.directory';

@ApiTokenAuth('security profile upgrade')
@Controller('profile-upgrades')
export class ProfileUpgradesController {
  constructor(
    private readonly service: ProfileUpgradeService,
    private readonly upgrades: ProfileUpgradeRepository,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Post()
  @TenantScoped.bodyObjects('station', 'stationId')
  @HttpCode(202)
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Upgrade a station to security profile 2 or 3',
    description:
      'Installs the active root as CSMS root, sets the new connection (2.0.1 SetNetworkProfile + NetworkConfigurationPriority with the old profile as fallback; 1.6 ChangeConfiguration SecurityProfile) pointing at PKI_GATEWAY_WSS_URL, resets the station, waits until it is connected on the new profile and raises its registered minimum at the connection service. A failure or timeout is rolled back. Follow the job with GET.',
  })
  @ApiZodBody(startProfileUpgradeBody)
  @ApiZodResponse(202, profileUpgradeSchema, 'The job is running.')
  @ApiProblems({
    400: 'The body is invalid.',
    409: 'Not an upgrade (the station is on this profile or a higher one), profile 3 without a client certificate from this PKI, the station is offline, no active root, or an upgrade of it is running.',
    422: 'The profile is no upgrade target (0 or 1).',
    503: 'PKI_GATEWAY_WSS_URL, PKI_CONNECTION_URL or INTERNAL_API_TOKEN is not set.',
  })
  async start(@Body(new ZodValidationPipe(startProfileUpgradeBody, 'body')) body: StartProfileUpgradeBody, @CurrentPrincipal() principal: ApiPrincipal | undefined) {
    return profileUpgradeViewOf(await this.service.start(body.stationId, body.securityProfile, principal?.name));
  }

  @Get()
  @TenantScoped.filtered()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List profile upgrades', description: 'Newest first, each with every step and the station’s answers.' })
  @ApiZodQuery(listProfileUpgradesQuery)
  @ApiZodResponse(200, profileUpgradeListSchema, 'The profile upgrades.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listProfileUpgradesQuery, 'query')) query: ListProfileUpgradesQuery, @CallerTenant() tenant: string | undefined) {
    return { items: (await this.upgrades.list(query.stationId, query.limit ?? DEFAULT_PAGE_SIZE, await this.tenancy.visibleTo(tenant))).map(profileUpgradeViewOf) };
  }

  @Get(':upgradeId')
  @TenantScoped.object('profile-upgrade', 'upgradeId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'A profile upgrade with every step' })
  @ApiZodParam('upgradeId', profileUpgradeIdSchema, 'The profile upgrade.')
  @ApiZodResponse(200, profileUpgradeSchema, 'The profile upgrade.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such profile upgrade.' })
  async get(@Param('upgradeId', new ZodValidationPipe(profileUpgradeIdSchema, 'path.upgradeId')) upgradeId: string) {
    const upgrade = await this.upgrades.find(upgradeId);
    if (!upgrade) throw new Problem({ status: 404, code: 'profile-upgrade-not-found', detail: `no profile upgrade ${upgradeId}` });
    return profileUpgradeViewOf(upgrade);
  }
}
