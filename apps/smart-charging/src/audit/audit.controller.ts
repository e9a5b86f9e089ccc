import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { siteIdSchema } from '../topology/node-fields.schemas';
import { sitePipe } from '../topology/topology-params';
import { type ListAuditQuery, auditPageSchema, listAuditQuery } from './audit.schemas';
import { AuditService } from './audit.service';

@ApiTokenAuth('audit')
@Controller('sites/:siteId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequireRole('viewer', { gridOperatorSite: 'siteId' })
  @ApiOperation({
    summary: 'Audit log of a site',
    description:
      'Every change of the site’s topology and limits, newest first: who (the API token’s name, or the part of the service that wrote), when, which node and limit source, and the state before and after. Kept after the nodes or the site are deleted.',
  })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodQuery(listAuditQuery)
  @ApiZodResponse(200, auditPageSchema, 'A page of audit entries.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Param('siteId', sitePipe) siteId: string, @Query(new ZodValidationPipe(listAuditQuery, 'query')) query: ListAuditQuery) {
    return this.audit.list(siteId, query);
  }
}
