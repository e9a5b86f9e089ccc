import type { SitePlanView } from './site-plan.view';

/** Below this a session's allocation counts as what it asked for (rounding of the engine's mA). */
const CAPPED_TOLERANCE_A = 0.05;

export interface AllocationFigures {
  /** What the plan puts through the site's grid connection(s) now: sessions and fixed loads, W. */
  allocatedW: number;
  /** Sessions planned. */
  sessions: number;
  /** Sessions given less than the most they could take (their maxA), 0 included. */
  capped: number;
}

/** The figures of a site's latest plan that the metrics show. */
export function allocationFigures(plan: Pick<SitePlanView, 'nodes' | 'parentOf' | 'sessions'>): AllocationFigures {
  const allocatedW = plan.nodes.filter((node) => plan.parentOf.get(node.nodeId) === undefined).reduce((sum, node) => sum + node.loadW, 0);
  const capped = plan.sessions.filter((session) => session.allocatedA < session.maxA - CAPPED_TOLERANCE_A).length;
  return { allocatedW, sessions: plan.sessions.length, capped };
}
