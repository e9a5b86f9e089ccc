import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, CallerTenant, DEFAULT_PAGE_SIZE, pageOf, Problem, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { RenewalAttemptRepository } from './renewal-attempt.repository';
import {
  type ListRenewalAttemptsQuery,
  listRenewalAttemptsQuery,
  renewalAttemptIdSchema,
  renewalAttemptPageSchema,
  renewalAttemptSchema,
  renewalAttemptViewOf,
} from './renewal-attempt.schemas';
import { StationTenantDirectory } from '@app/pki/tenancy/station-tenant.directory';

@ApiTokenAuth('certificate renewal')
@Controller('certificate-renewals')
export class RenewalAttemptsController {
  constructor(
    private readonly attempts: RenewalAttemptRepository,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List the attempts to renew station certificates before they expire',
    description: 'Newest first; filter by station to see its renewals, failures (with the station’s answer) and when the next attempt is due.',
  })
  @ApiZodQuery(listRenewalAttemptsQuery)
  @ApiZodResponse(200, renewalAttemptPageSchema, 'A page of renewal attempts.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listRenewalAttemptsQuery, 'query')) query: ListRenewalAttemptsQuery, @CallerTenant() tenant: string | undefined) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.attempts.list({ stationId: query.stationId, status: query.status, before: query.cursor, stationIds: await this.tenancy.visibleTo(tenant), limit: limit + 1 });
    return pageOf(rows, limit, renewalAttemptViewOf, (row) => [row.startedKey, row.id]);
  }

  @Get(':attemptId')
  @RequireRole('viewer')
  @TenantScoped.object('renewal-attempt', 'attemptId')
  @ApiOperation({ summary: 'A renewal attempt' })
  @ApiZodParam('attemptId', renewalAttemptIdSchema, 'The renewal attempt.')
  @ApiZodResponse(200, renewalAttemptSchema, 'The renewal attempt.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such renewal attempt.' })
  async get(@Param('attemptId', new ZodValidationPipe(renewalAttemptIdSchema, 'path.attemptId')) attemptId: string) {
    const attempt = await this.attempts.find(attemptId);
    if (!attempt) throw new Problem({ status: 404, code: 'renewal-attempt-not-found', detail: `no renewal attempt ${attemptId}` });
    return renewalAttemptViewOf(attempt);
  }
}
