import { ApiProblems, ApiTokenAuth, ApiZodQuery, ApiZodResponse, CallerTenant, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type ListSecurityEventsQuery, listSecurityEventsQuery, securityEventPageSchema } from './security-event.schemas';
import { SecurityEventsService } from './security-events.service';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

@ApiTokenAuth('security events')
@Controller('security-events')
export class SecurityEventsController {
  constructor(
    private readonly events: SecurityEventsService,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List security events',
    description:
      'Security events of every station, newest first: those stations report (SecurityEventNotification) and those the CSMS raises itself (refused credentials, security profile downgrade attempts, unknown stations). Stored as they arrive on ocpp.events.',
  })
  @ApiZodQuery(listSecurityEventsQuery)
  @ApiZodResponse(200, securityEventPageSchema, 'A page of security events.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listSecurityEventsQuery, 'query')) query: ListSecurityEventsQuery, @CallerTenant() tenant: string | undefined) {
    return this.events.list(query, await this.tenancy.visibleTo(tenant));
  }
}
