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
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { nodeIdSchema, siteIdSchema } from './node-fields.schemas';
import { type NodeInput, nodeInputSchema } from './node-input.schemas';
import { type PatchNodeBody, patchNodeBody } from './node-patch';
import { type DeleteNodeQuery, deleteNodeQuery } from './node.schemas';
import { NodesService } from './nodes.service';
import { topologyAnswer } from './topology-answer';
import { actorOf, nodePipe, sitePipe } from './topology-params';
import { nodeViewSchema, treeNodeViewSchema } from './topology-view.schemas';

const NodePath = (): MethodDecorator => applyDecorators(ApiZodParam('siteId', siteIdSchema, 'The site.'), ApiZodParam('nodeId', nodeIdSchema, 'The node.'));

@ApiTokenAuth('topology')
@Controller('sites/:siteId/nodes')
export class NodesController {
  constructor(private readonly nodes: NodesService) {}

  @Post()
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Add a node (and the nodes below it)',
    description: 'Under `parentId` (default: the site root). EVSEs go under chargers, chargers under the site, feeders, cabinets or transformers. Audited.',
  })
  @ApiZodParam('siteId', siteIdSchema, 'The site.')
  @ApiZodBody(nodeInputSchema)
  @ApiZodResponse(201, treeNodeViewSchema, 'The node was added; it and the nodes below it.')
  @ApiProblems({
    400: 'The body is invalid (the detail names the field).',
    404: 'No such site.',
    409: 'A node id, EVSE id or station is taken already.',
    422: 'The site has a tenant and a station named is not registered in it.',
    503: 'The site has a tenant and the connection service cannot tell its stations.',
  })
  async add(@Param('siteId', sitePipe) siteId: string, @Body(new ZodValidationPipe(nodeInputSchema, 'body')) body: NodeInput, @CurrentPrincipal() principal: ApiPrincipal | undefined) {
    return topologyAnswer(await this.nodes.add(siteId, body, actorOf(principal)));
  }

  @Get(':nodeId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'A node and the nodes below it', description: 'Nested; each node with its version for changes.' })
  @NodePath()
  @ApiZodResponse(200, treeNodeViewSchema, 'The node.')
  @ApiProblems({ 400: 'An id is invalid.', 404: 'No such site or node.' })
  async node(@Param('siteId', sitePipe) siteId: string, @Param('nodeId', nodePipe) nodeId: string) {
    return topologyAnswer(await this.nodes.node(siteId, nodeId));
  }

  @Patch(':nodeId')
  @RequireRole('operator')
  @ApiOperation({
    summary: 'Change or move a node',
    description: 'Changes the fields sent (null removes a label or limit); `parentId` moves the node with everything below it. `version` must be the node’s current one (409 otherwise). Audited.',
  })
  @NodePath()
  @ApiZodBody(patchNodeBody)
  @ApiZodResponse(200, nodeViewSchema, 'The node as changed.')
  @ApiProblems({
    400: 'The body is invalid (the detail names the field).',
    404: 'No such site or node.',
    409: 'The node changed since `version`, or an EVSE id or station is taken.',
    422: 'The site has a tenant and the new station is not registered in it.',
    503: 'The site has a tenant and the connection service cannot tell its stations.',
  })
  async update(
    @Param('siteId', sitePipe) siteId: string,
    @Param('nodeId', nodePipe) nodeId: string,
    @Body(new ZodValidationPipe(patchNodeBody, 'body')) body: PatchNodeBody,
    @CurrentPrincipal() principal: ApiPrincipal | undefined,
  ) {
    return topologyAnswer(await this.nodes.update(siteId, nodeId, body, actorOf(principal)));
  }

  @Delete(':nodeId')
  @HttpCode(204)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Delete a node', description: 'And its limit schedules; with `recursive=true` everything below it too. Not the site root (delete the site). Audited.' })
  @NodePath()
  @ApiZodQuery(deleteNodeQuery)
  @ApiNoContentResponse({ description: 'The node was deleted.' })
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such site or node.', 409: 'The node has nodes below it, is the site root, or changed since `version`.' })
  async delete(
    @Param('siteId', sitePipe) siteId: string,
    @Param('nodeId', nodePipe) nodeId: string,
    @Query(new ZodValidationPipe(deleteNodeQuery, 'query')) query: DeleteNodeQuery,
    @CurrentPrincipal() principal: ApiPrincipal | undefined,
  ): Promise<void> {
    topologyAnswer(await this.nodes.delete(siteId, nodeId, query, actorOf(principal)));
  }
}
