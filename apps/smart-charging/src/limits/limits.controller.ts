import {
  type ApiPrincipal,
  ApiProblems,
  ApiTokenAuth,
  ApiZodBody,
  ApiZodParam,
  ApiZodQuery,
  ApiZodResponse,
  CurrentPrincipal,
  RequireRole,
  ZodValidationPipe,
} from '@app/runtime';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res, applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { nodeIdSchema, siteIdSchema } from '../topology/node-fields.schemas';
import { nodePipe, principalOf, sitePipe } from '../topology/topology-params';
import { type ApiSource, apiSourceSchema, sourceSchema } from './limit-source';
import { type PutLimitScheduleBody, putLimitScheduleBody } from './limit-schedule.schemas';
import { scheduleViewSchema } from './limit-schedule.view';
import { limitsAnswer } from './limits-answer';
import { type DeleteScheduleQuery, type NodeLimitsQuery, deleteScheduleQuery, nodeLimitsQuery, nodeLimitsSchema } from './limits.schemas';
import { LimitsService } from './limits.service';

const GRID = { gridOperatorSite: 'siteId' };

/** The site and node of every route here, and who may call it: `role`, or a grid-operator token granted the site. */
function NodeLimitsRoute(role: 'viewer' | 'operator'): MethodDecorator {
  return applyDecorators(
    RequireRole(role, GRID),
    ApiZodParam('siteId', siteIdSchema, 'The site.'),
    ApiZodParam('nodeId', nodeIdSchema, 'The node (the site root’s id is the site id).'),
  );
}

/** Limits of a node: every source's schedule and the effective limit. Grid-operator tokens reach these routes for their granted sites, and no other. */
@ApiTokenAuth('limits')
@Controller('sites/:siteId/nodes/:nodeId/limits')
export class LimitsController {
  constructor(private readonly limits: LimitsService) {}

  @Get()
  @NodeLimitsRoute('viewer')
  @ApiOperation({
    summary: 'Limits of a node and the effective limit',
    description:
      'The node’s own default limit, the schedule of every source (operator, grid-operator, oscp:…, station:…), and the effective limit now (and at `at`): per phase and in total the minimum of the node’s limit and, for each source, the slot covering the instant or else its default.',
  })
  @ApiZodQuery(nodeLimitsQuery)
  @ApiZodResponse(200, nodeLimitsSchema, 'The node’s limits.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such site or node.' })
  async overview(@Param('siteId', sitePipe) siteId: string, @Param('nodeId', nodePipe) nodeId: string, @Query(new ZodValidationPipe(nodeLimitsQuery, 'query')) query: NodeLimitsQuery) {
    return limitsAnswer(await this.limits.overview(siteId, nodeId, query.at, new Date()));
  }

  @Get(':source')
  @NodeLimitsRoute('viewer')
  @ApiOperation({ summary: 'The limit schedule of one source', description: 'Default and slots (in time order, starts in UTC), its version and who wrote it last.' })
  @ApiZodParam('source', sourceSchema, 'operator, grid-operator, oscp:<provider>, station:<stationId> or operator-profile:<stationId>.')
  @ApiZodResponse(200, scheduleViewSchema, 'The schedule.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such site or node, or no schedule of this source.' })
  async schedule(@Param('siteId', sitePipe) siteId: string, @Param('nodeId', nodePipe) nodeId: string, @Param('source', new ZodValidationPipe(sourceSchema, 'path.source')) source: string) {
    return limitsAnswer(await this.limits.schedule(siteId, nodeId, source));
  }

  @Put(':source')
  @NodeLimitsRoute('operator')
  @ApiOperation({
    summary: 'Replace the limit schedule of a source',
    description:
      'Replaces the whole schedule of `operator` or `grid-operator` on the node at once: readers see the old schedule or the new one, never a mix. Slots must not overlap (at most 1,000; duration > 0; per-phase A and/or W, non-negative). `operator` limits take the operator role; `grid-operator` limits a grid-operator token granted the site, or admin. Audited.',
  })
  @ApiZodParam('source', apiSourceSchema, 'operator or grid-operator.')
  @ApiZodBody(putLimitScheduleBody)
  @ApiZodResponse(200, scheduleViewSchema, 'The schedule was replaced.')
  @ApiZodResponse(201, scheduleViewSchema, 'The source had no schedule on this node; it has now.')
  @ApiProblems({ 400: 'The body is invalid (the detail names the field).', 404: 'No such site or node.', 409: '`version` is not the current one.' })
  async replace(
    @Param('siteId', sitePipe) siteId: string,
    @Param('nodeId', nodePipe) nodeId: string,
    @Param('source', new ZodValidationPipe(apiSourceSchema, 'path.source')) source: ApiSource,
    @Body(new ZodValidationPipe(putLimitScheduleBody, 'body')) body: PutLimitScheduleBody,
    @CurrentPrincipal() principal: ApiPrincipal | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, schedule } = limitsAnswer(await this.limits.replace(principalOf(principal), siteId, nodeId, source, body));
    response.status(created ? 201 : 200);
    return schedule;
  }

  @Delete(':source')
  @HttpCode(204)
  @NodeLimitsRoute('operator')
  @ApiOperation({ summary: 'Delete the limit schedule of a source', description: 'The source no longer limits the node. Same roles as replacing it. Audited.' })
  @ApiZodParam('source', apiSourceSchema, 'operator or grid-operator.')
  @ApiZodQuery(deleteScheduleQuery)
  @ApiNoContentResponse({ description: 'The schedule was deleted.' })
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such site or node, or no schedule of this source.', 409: '`version` is not the current one.' })
  async remove(
    @Param('siteId', sitePipe) siteId: string,
    @Param('nodeId', nodePipe) nodeId: string,
    @Param('source', new ZodValidationPipe(apiSourceSchema, 'path.source')) source: ApiSource,
    @Query(new ZodValidationPipe(deleteScheduleQuery, 'query')) query: DeleteScheduleQuery,
    @CurrentPrincipal() principal: ApiPrincipal | undefined,
  ): Promise<void> {
    limitsAnswer(await this.limits.remove(principalOf(principal), siteId, nodeId, source, query.version));
  }
}
