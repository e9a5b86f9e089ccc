import { ApiProblems, ApiTokenAuth, ApiZodQuery, ApiZodResponse, CallerTenant, DEFAULT_PAGE_SIZE, pageOf, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { InstalledCertificateRepository } from './installed-certificate.repository';
import { type ListInstalledCertificatesQuery, installedCertificatePageSchema, installedCertificateViewOf, listInstalledCertificatesQuery } from './installed-certificate.schemas';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

const DAY_MS = 24 * 3600 * 1000;

@ApiTokenAuth('certificate inventory')
@Controller('installed-certificates')
export class InstalledCertificatesController {
  constructor(
    private readonly installed: InstalledCertificateRepository,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List the certificates installed on stations',
    description: 'What each station last reported through GetInstalledCertificateIds, by station, use type, CA, or those expiring within N days (expiry is known for our CAs and distributed roots).',
  })
  @ApiZodQuery(listInstalledCertificatesQuery)
  @ApiZodResponse(200, installedCertificatePageSchema, 'A page of installed certificates, by station.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listInstalledCertificatesQuery, 'query')) query: ListInstalledCertificatesQuery, @CallerTenant() tenant: string | undefined) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const expiringBefore = query.expiringWithinDays === undefined ? undefined : new Date(Date.now() + query.expiringWithinDays * DAY_MS);
    const rows = await this.installed.list({ ...query, expiringBefore, after: query.cursor, stationIds: await this.tenancy.visibleTo(tenant), limit: limit + 1 });
    return pageOf(rows, limit, installedCertificateViewOf, (row) => [row.stationId, row.certificateType, row.hashData.serialNumber, row.hashData.issuerNameHash]);
  }
}
