import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { siteIdSchema } from '../topology/node-fields.schemas';
import { sitePipe } from '../topology/topology-params';
import { type ListDeviationsQuery, deviationPageSchema, listDeviationsQuery } from './deviations.schemas';
import { DeviationsService } from './deviations.service';

/** Sessions drawing more than their profile allows. A grid operator sees those of its granted sites: they are what its limits are up against. */
@ApiTokenAuth('smart-charging')
@Controller('sites/:siteId/deviations')
export class DeviationsController {
  constructor(private readonly deviations: DeviationsService) {}

  @Get()
  @RequireRole('viewer', { gridOperatorSite: 'siteId' })
  @ApiOperation({
    summary: 'Draw deviations of a site',
    description:
      'Sessions whose measured current exceeded the limit of the TxProfile their station accepted by more than the tolerance (the larger of 2 A and 10 %), judged from 10 s after that limit took effect. Open ones (their excess is taken from the other sessions’ headroom until they comply) and, with `closedSince`, those closed since; newest first.',
  })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodQuery(listDeviationsQuery)
  @ApiZodResponse(200, deviationPageSchema, 'A page of deviations.')
  @ApiProblems({ 400: 'A parameter is invalid.' })
  list(@Param('siteId', sitePipe) siteId: string, @Query(new ZodValidationPipe(listDeviationsQuery, 'query')) query: ListDeviationsQuery) {
    return this.deviations.list(siteId, query);
  }
}
