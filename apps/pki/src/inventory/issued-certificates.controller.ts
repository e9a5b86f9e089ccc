import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, CallerTenant, DEFAULT_PAGE_SIZE, pageOf, Problem, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IssuedCertificateRepository } from './issued-certificate.repository';
import {
  type ListIssuedCertificatesQuery,
  certificateSerialSchema,
  issuedCertificatePageSchema,
  issuedCertificateSchema,
  issuedCertificateViewOf,
  listIssuedCertificatesQuery,
} from './issued-certificate.schemas';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

const DAY_MS = 24 * 3600 * 1000;

@ApiTokenAuth('certificate inventory')
@Controller('issued-certificates')
export class IssuedCertificatesController {
  constructor(
    private readonly certificates: IssuedCertificateRepository,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'List the certificates issued to stations', description: 'Newest first, each with its revocation; by station, by issuing CA, revoked or not, or those expiring within N days (for renewal).' })
  @ApiZodQuery(listIssuedCertificatesQuery)
  @ApiZodResponse(200, issuedCertificatePageSchema, 'A page of issued certificates.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listIssuedCertificatesQuery, 'query')) query: ListIssuedCertificatesQuery, @CallerTenant() tenant: string | undefined) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const expiringBefore = query.expiringWithinDays === undefined ? undefined : new Date(Date.now() + query.expiringWithinDays * DAY_MS);
    const rows = await this.certificates.list({ stationId: query.stationId, issuerCaId: query.caId, expiringBefore, revoked: query.revoked, before: query.cursor, stationIds: await this.tenancy.visibleTo(tenant), limit: limit + 1 });
    return pageOf(rows, limit, issuedCertificateViewOf, (row) => [row.issuedKey, row.serialNumber]);
  }

  @Get(':serialNumber')
  @RequireRole('viewer')
  @TenantScoped.object('issued-certificate', 'serialNumber')
  @ApiOperation({ summary: 'An issued certificate' })
  @ApiZodParam('serialNumber', certificateSerialSchema, 'Its serial number.')
  @ApiZodResponse(200, issuedCertificateSchema, 'The certificate.')
  @ApiProblems({ 400: 'The serial number is invalid.', 404: 'No certificate with this serial number.' })
  async get(@Param('serialNumber', new ZodValidationPipe(certificateSerialSchema, 'path.serialNumber')) serialNumber: string) {
    const certificate = await this.certificates.find(serialNumber);
    if (!certificate) throw new Problem({ status: 404, code: 'certificate-not-found', detail: `no issued certificate ${serialNumber}` });
    return issuedCertificateViewOf(certificate);
  }
}
