import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { nodeIdSchema, siteIdSchema } from '../topology/node-fields.schemas';
import { nodePipe, sitePipe } from '../topology/topology-params';
import { MAX_SITE_POINTS } from './draw-buckets';
import { type DrawHistoryQuery, drawHistoryQuery, nodeDrawHistorySchema, siteDrawHistorySchema } from './draw-history.schemas';
import { DrawHistoryService } from './draw-history.service';

const queryPipe = new ZodValidationPipe(drawHistoryQuery, 'query');

const HOW =
  'Samples every DRAW_HISTORY_SAMPLE_SECONDS and right after an effective limit changes: the effective limit (A per grid phase, W), what the plan put on the node (A per grid phase, W) and the measured draw (A per grid phase), the figures of GET /sites/{siteId}/allocation. Oldest first; a node with more samples than maxPoints has them folded (by PostgreSQL) into equal time buckets from `from`: per bucket the maximum draw, the limit of its newest sample and the mean allocation.';

/** What each node of a site was allowed, given and drew over time, for the console’s charts (ADR 050). A grid operator sees those of its granted sites. */
@ApiTokenAuth('smart-charging')
@Controller('sites/:siteId')
export class DrawHistoryController {
  constructor(private readonly history: DrawHistoryService) {}

  @Get('nodes/:nodeId/draw-history')
  @RequireRole('viewer', { gridOperatorSite: 'siteId' })
  @ApiOperation({ summary: 'Limit, allocation and draw of a node over time', description: HOW })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodParam('nodeId', nodeIdSchema, 'The node.')
  @ApiZodQuery(drawHistoryQuery)
  @ApiZodResponse(200, nodeDrawHistorySchema, 'The node’s history over the range.')
  @ApiProblems({ 400: 'A parameter is invalid, from is after to, or the range spans more than 31 days.', 404: 'No such site or node.' })
  node(@Param('siteId', sitePipe) siteId: string, @Param('nodeId', nodePipe) nodeId: string, @Query(queryPipe) query: DrawHistoryQuery) {
    return this.history.ofNode(siteId, nodeId, query);
  }

  @Get('draw-history')
  @RequireRole('viewer', { gridOperatorSite: 'siteId' })
  @ApiOperation({ summary: 'Limit, allocation and draw of every node of a site over time', description: `${HOW} maxPoints applies per node; nodes × maxPoints may not exceed ${MAX_SITE_POINTS} (without maxPoints, the default is lowered to fit).` })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodQuery(drawHistoryQuery)
  @ApiZodResponse(200, siteDrawHistorySchema, 'Every node’s history over the range.')
  @ApiProblems({ 400: `A parameter is invalid, from is after to, the range spans more than 31 days, or nodes × maxPoints exceeds ${MAX_SITE_POINTS} (too-many-points).`, 404: 'No such site.' })
  site(@Param('siteId', sitePipe) siteId: string, @Query(queryPipe) query: DrawHistoryQuery) {
    return this.history.ofSite(siteId, query);
  }
}
