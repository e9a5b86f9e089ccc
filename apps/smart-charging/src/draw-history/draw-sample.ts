import type { PhaseTriple } from '../allocation';
import type { MeasuredDraw } from '../site-control/measured-draw';
import type { SitePlanView } from '../site-control/site-plan.view';

/**
 * One node at one instant, in the units of the allocation view: the effective limit (A per grid
 * phase and W; undefined where unlimited), what the plan puts on the node (allocated sessions and
 * fixed loads, A per grid phase and W) and what its sessions draw as last reported (A per grid phase).
 */
export interface DrawSample {
  siteId: string;
  nodeId: string;
  at: number;
  limitA?: PhaseTriple;
  limitW?: number;
  allocatedA: PhaseTriple;
  allocatedW: number;
  drawnA: PhaseTriple;
}

/** Every node of a site's latest plan with what is measured now laid over it: the same figures GET /sites/{siteId}/allocation shows. */
export function drawSamplesOf(plan: SitePlanView, measured: MeasuredDraw, at: number): DrawSample[] {
  return plan.nodes.map((node) => ({
    siteId: plan.siteId,
    nodeId: node.nodeId,
    at,
    limitA: node.limit.perPhaseA,
    limitW: node.limit.totalW,
    allocatedA: node.loadA,
    allocatedW: node.loadW,
    drawnA: measured.nodes.get(node.nodeId) ?? [0, 0, 0],
  }));
}

/** The effective limits of a plan's nodes, as one comparable value: what tells that a limit changed. */
export function limitsKeyOf(plan: SitePlanView): string {
  return JSON.stringify(plan.nodes.map((node) => [node.nodeId, node.limit.perPhaseA ?? null, node.limit.totalW ?? null]));
}
