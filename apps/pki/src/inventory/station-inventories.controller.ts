import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, CallerTenant, DEFAULT_PAGE_SIZE, pageOf, Problem, RequireRole, stationIdSchema, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { InstalledCertificateReader } from './installed-certificate.reader';
import { InstalledCertificateRepository } from './installed-certificate.repository';
import {
  type ListStationsQuery,
  installedCertificateViewOf,
  listStationsQuery,
  refreshAnswerSchema,
  stationInventorySchema,
  stationSecurityPageSchema,
  stationSecurityViewOf,
} from './installed-certificate.schemas';
import { StationSecurityRepository } from './station-security.repository';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

const MAX_INSTALLED_PER_STATION = 1000;

@ApiTokenAuth('certificate inventory')
@Controller('station-inventories')
export class StationInventoriesController {
  constructor(
    private readonly stations: StationSecurityRepository,
    private readonly installed: InstalledCertificateRepository,
    private readonly reader: InstalledCertificateReader,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List stations with their security profiles and inventory state',
    description: 'Every station seen connecting, by id, with the profile it last connected on and the minimum its registration allowed; optionally only those of one minimum.',
  })
  @ApiZodQuery(listStationsQuery)
  @ApiZodResponse(200, stationSecurityPageSchema, 'A page of stations.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listStationsQuery, 'query')) query: ListStationsQuery, @CallerTenant() tenant: string | undefined) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.stations.list({ minimumSecurityProfile: query.minimumSecurityProfile, after: query.cursor?.[0], stationIds: await this.tenancy.visibleTo(tenant), limit: limit + 1 });
    return pageOf(rows, limit, stationSecurityViewOf, (row) => [row.stationId]);
  }

  @Get(':stationId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'A station’s security profile and installed certificates' })
  @ApiZodParam('stationId', stationIdSchema, 'The station.')
  @ApiZodResponse(200, stationInventorySchema, 'The station and what it last reported.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'The PKI has not seen this station connect.' })
  async get(@Param('stationId', new ZodValidationPipe(stationIdSchema, 'path.stationId')) stationId: string) {
    const station = await this.stations.find(stationId);
    if (!station) throw new Problem({ status: 404, code: 'station-not-found', detail: `station ${stationId} has not been seen connecting` });
    const installed = await this.installed.list({ stationId, limit: MAX_INSTALLED_PER_STATION });
    return { ...stationSecurityViewOf(station), installed: installed.map(installedCertificateViewOf) };
  }

  @Post(':stationId/refresh')
  @HttpCode(200)
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Read a station’s installed certificates now',
    description: 'Sends GetInstalledCertificateIds and replaces the station’s inventory with the answer; a failed reading keeps the previous inventory and says why.',
  })
  @ApiZodParam('stationId', stationIdSchema, 'The station.')
  @ApiZodResponse(200, refreshAnswerSchema, 'The reading’s outcome and the inventory after it.')
  @ApiProblems({ 400: 'The station id is invalid.', 404: 'The PKI has not seen this station connect.' })
  async refresh(@Param('stationId', new ZodValidationPipe(stationIdSchema, 'path.stationId')) stationId: string) {
    if (!(await this.stations.find(stationId))) throw new Problem({ status: 404, code: 'station-not-found', detail: `station ${stationId} has not been seen connecting` });
    const reading = await this.reader.refresh(stationId);
    const installed = await this.installed.list({ stationId, limit: MAX_INSTALLED_PER_STATION });
    return {
      stationId,
      status: reading.ok ? ('read' as const) : ('failed' as const),
      detail: reading.ok ? undefined : `${reading.status}: ${reading.detail}`,
      installed: installed.map(installedCertificateViewOf),
    };
  }
}
