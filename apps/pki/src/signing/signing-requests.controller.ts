import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, CallerTenant, DEFAULT_PAGE_SIZE, pageOf, Problem, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { SigningRequestRepository } from './signing-request.repository';
import {
  type ListSigningRequestsQuery,
  listSigningRequestsQuery,
  signingRequestIdSchema,
  signingRequestPageSchema,
  signingRequestSchema,
  signingRequestViewOf,
} from './signing-request.schemas';
import { StationTenantDirectory } from '../tenancy/station-tenant.directory';

@ApiTokenAuth('certificate signing')
@Controller('certificate-signing-requests')
export class SigningRequestsController {
  constructor(
    private readonly requests: SigningRequestRepository,
    private readonly tenancy: StationTenantDirectory,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List the CSRs stations sent',
    description: 'Newest first, each with its decision: issued (with the certificate serial and whether the station took it), refused (with the rule and reason), pending (and why) or timed out.',
  })
  @ApiZodQuery(listSigningRequestsQuery)
  @ApiZodResponse(200, signingRequestPageSchema, 'A page of signing requests.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listSigningRequestsQuery, 'query')) query: ListSigningRequestsQuery, @CallerTenant() tenant: string | undefined) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.requests.list({ stationId: query.stationId, status: query.status, before: query.cursor, stationIds: await this.tenancy.visibleTo(tenant), limit: limit + 1 });
    return pageOf(rows, limit, signingRequestViewOf, (row) => [row.receivedKey, row.id]);
  }

  @Get(':requestId')
  @RequireRole('viewer')
  @TenantScoped.object('signing-request', 'requestId')
  @ApiOperation({ summary: 'A signing request' })
  @ApiZodParam('requestId', signingRequestIdSchema, 'The signing request.')
  @ApiZodResponse(200, signingRequestSchema, 'The signing request.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such signing request.' })
  async get(@Param('requestId', new ZodValidationPipe(signingRequestIdSchema, 'path.requestId')) requestId: string) {
    const request = await this.requests.find(requestId);
    if (!request) throw new Problem({ status: 404, code: 'signing-request-not-found', detail: `no signing request ${requestId}` });
    return signingRequestViewOf(request);
  }
}
