import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Problem } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { SiteAllocator } from '../site-control/site-allocator';
import { topologyProblemOf } from '../topology/topology-answer';
import { TopologyError, TopologyErrorCode } from '../topology/topology.error';
import { type DrawPoint, type DrawPoints, siteMaxPoints } from './draw-buckets';
import { type DrawHistoryRange, drawHistoryRange } from './draw-history-range';
import { DEFAULT_MAX_POINTS, type DrawHistoryQuery, type NodeDrawHistory, type SiteDrawHistory } from './draw-history.schemas';
import { DrawSampleRepository } from './draw-sample.repository';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

function pointBody(point: DrawPoint) {
  return {
    at: iso(point.at),
    limitA: point.limitA ?? null,
    limitW: point.limitW ?? null,
    allocatedA: point.allocatedA,
    allocatedW: point.allocatedW,
    drawnA: point.drawnA,
    samples: point.samples,
  };
}

/** The draw history of a site's nodes, as a chart draws it: oldest first, folded into buckets past maxPoints (in SQL, by the repository). */
@Injectable()
export class DrawHistoryService {
  private readonly sampleSeconds: number;

  constructor(
    private readonly repository: DrawSampleRepository,
    private readonly allocator: SiteAllocator,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.sampleSeconds = config.smartCharging.drawHistorySampleMs / 1000;
  }

  async ofNode(siteId: string, nodeId: string, query: DrawHistoryQuery): Promise<NodeDrawHistory> {
    const range = rangeOf(query);
    const nodes = await this.nodesOf(siteId);
    if (!nodes.includes(nodeId)) throw topologyProblemOf(new TopologyError(TopologyErrorCode.nodeNotFound, `site ${siteId} has no node ${nodeId}`));
    const history = await this.repository.read(siteId, [nodeId], new Date(range.from), new Date(range.to), range.maxPoints);
    return { ...this.rangeBody(siteId, range), ...this.nodeBody(siteId, nodeId, history.get(nodeId)) };
  }

  async ofSite(siteId: string, query: DrawHistoryQuery): Promise<SiteDrawHistory> {
    const range = rangeOf(query);
    const nodes = await this.nodesOf(siteId);
    const maxPoints = siteMaxPoints(nodes.length, query.maxPoints, DEFAULT_MAX_POINTS);
    if (!maxPoints.ok) throw new Problem({ status: 400, code: 'too-many-points', detail: maxPoints.detail });
    const history = await this.repository.read(siteId, nodes, new Date(range.from), new Date(range.to), maxPoints.maxPoints);
    return { ...this.rangeBody(siteId, range), nodes: nodes.map((nodeId) => this.nodeBody(siteId, nodeId, history.get(nodeId))) };
  }

  private async nodesOf(siteId: string): Promise<string[]> {
    const nodes = await this.repository.nodesOf(siteId);
    if (nodes === undefined) throw topologyProblemOf(new TopologyError(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`));
    return nodes;
  }

  private rangeBody(siteId: string, range: DrawHistoryRange) {
    return { siteId, from: iso(range.from), to: iso(range.to), sampleSeconds: this.sampleSeconds };
  }

  private nodeBody(siteId: string, nodeId: string, history: DrawPoints | undefined) {
    const limit = this.allocator.lastPlan(siteId)?.nodes.find((node) => node.nodeId === nodeId)?.limit;
    const { points, bucketMs } = history ?? { points: [] };
    return {
      nodeId,
      current: limit === undefined ? null : { limitA: limit.perPhaseA ?? null, limitW: limit.totalW ?? null },
      bucketSeconds: bucketMs === undefined ? null : bucketMs / 1000,
      points: points.map(pointBody),
    };
  }
}

function rangeOf(query: DrawHistoryQuery): DrawHistoryRange {
  const result = drawHistoryRange(query, Date.now());
  if (!result.ok) throw new Problem({ status: 400, code: 'invalid-range', detail: result.detail });
  return result.range;
}
