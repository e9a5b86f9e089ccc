import { type ApiPrincipal, ApiProblems, ApiTokenAuth, ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse, CurrentPrincipal, DEFAULT_PAGE_SIZE, pageOf, RequireRole, TenantScoped, ZodValidationPipe } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { RootDistributionService } from './root-distribution.service';
import { type CreateRootJobBody, type ListRootJobsQuery, createRootJobBody, listRootJobsQuery, rootJobDetailSchema, rootJobIdSchema, rootJobPageSchema } from './root-job.schemas';

@ApiTokenAuth('root distribution')
@Controller('root-distribution-jobs')
export class RootDistributionJobsController {
  constructor(private readonly distribution: RootDistributionService) {}

  @Post()
  @TenantScoped.untenanted()
  @HttpCode(202)
  @RequireRole('security-officer')
  @ApiOperation({
    summary: 'Start a root distribution job',
    description:
      'InstallCertificate of a root, DeleteCertificate by hash data, or a rollover (install the new root, then delete the old one once every station confirmed the new one) at a list of stations or every station seen. The certificate is checked first (one PEM, a CA, self-signed, valid now). The job runs in the background, survives restarts, and records every station’s answer.',
  })
  @ApiZodBody(createRootJobBody)
  @ApiZodResponse(202, rootJobDetailSchema, 'The job, started.')
  @ApiProblems({
    400: 'The body is invalid (the detail names the field).',
    422: 'The certificate is refused (`certificate-unreadable`, `-notCa`, `-notSelfSigned`, `-expired`, `-notYetValid`), a rollover names the same root twice, or there are no stations.',
  })
  create(@Body(new ZodValidationPipe(createRootJobBody, 'body')) body: CreateRootJobBody, @CurrentPrincipal() principal: ApiPrincipal | undefined) {
    return this.distribution.create(body, principal?.name ?? 'unknown');
  }

  @Get()
  @TenantScoped.untenanted()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List root distribution jobs', description: 'Newest first, with the stations per outcome.' })
  @ApiZodQuery(listRootJobsQuery)
  @ApiZodResponse(200, rootJobPageSchema, 'A page of jobs.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async list(@Query(new ZodValidationPipe(listRootJobsQuery, 'query')) query: ListRootJobsQuery) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.distribution.list(query, limit + 1);
    return pageOf(rows, limit, (row) => row.view, (row) => [row.row.createdKey, row.row.id]);
  }

  @Get(':jobId')
  @TenantScoped.untenanted()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'A root distribution job with every station’s outcome and answer' })
  @ApiZodParam('jobId', rootJobIdSchema, 'The job.')
  @ApiZodResponse(200, rootJobDetailSchema, 'The job.')
  @ApiProblems({ 400: 'The id is invalid.', 404: 'No such job.' })
  get(@Param('jobId', new ZodValidationPipe(rootJobIdSchema, 'path.jobId')) jobId: string) {
    return this.distribution.get(jobId);
  }
}
