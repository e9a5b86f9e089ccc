import { ApiProblems, ApiTokenAuth, ApiZodQuery, ApiZodResponse, CallerTenant, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CertificateExpiryCalendarRepository } from './certificate-expiry-calendar.repository';
import {
  type CertificateExpiryQuery,
  DEFAULT_EXPIRY_DAYS,
  DEFAULT_SOONEST,
  certificateExpiryQuery,
  certificateExpirySchema,
  certificateExpiryViewOf,
  totalWindowsOf,
} from './certificate-expiry-calendar.schemas';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

@ApiTokenAuth('certificate inventory')
@Controller('certificate-expiry')
export class CertificateExpiryController {
  constructor(
    private readonly calendar: CertificateExpiryCalendarRepository,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'The certificate expiry calendar',
    description:
      'Counts per ISO week (Monday, UTC) of the issued (not revoked) and installed certificates expiring within `days`, totals within 30, 60 and 90 days, and the soonest few of each kind; counted over every certificate the caller may see.',
  })
  @ApiZodQuery(certificateExpiryQuery)
  @ApiZodResponse(200, certificateExpirySchema, 'The calendar.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async get(@Query(new ZodValidationPipe(certificateExpiryQuery, 'query')) query: CertificateExpiryQuery, @CallerTenant() tenant: string | undefined) {
    const days = query.days ?? DEFAULT_EXPIRY_DAYS;
    const soonest = query.soonest ?? DEFAULT_SOONEST;
    // One instant for every query: the weeks, totals and lists agree with each other.
    const scope = { now: new Date(), stationIds: await this.tenancy.visibleTo(tenant) };
    const [weeks, totals, issued, installed] = await Promise.all([
      this.calendar.weeks(scope, days),
      this.calendar.totals(scope, totalWindowsOf(days)),
      this.calendar.soonest(scope, 'issued', days, soonest),
      this.calendar.soonest(scope, 'installed', days, soonest),
    ]);
    return certificateExpiryViewOf(days, scope.now, weeks, totals, { issued, installed });
  }
}
