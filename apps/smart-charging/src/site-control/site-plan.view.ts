import type { Limit, PhaseTriple } from '../allocation';
import type { TimelineStep } from '../planning/allocation-timeline';
import type { SessionInputs } from '../planning/session-inputs';
import type { SiteSnapshot } from '../planning/site-snapshot';
import type { StationPlan } from '../planning/station-plans';

export interface NodePlanView {
  nodeId: string;
  /** The limit in force now (own and every source, the least of them). */
  limit: Limit;
  loadA: PhaseTriple;
  loadW: number;
  headroomA: PhaseTriple;
  headroomW: number;
}

export interface SessionPlanView {
  sessionId: string;
  stationId: string;
  evseId: number;
  transactionId: string;
  nodeId: string;
  gridPhases: readonly string[];
  minA: number;
  maxA: number;
  priority: number;
  /** What the allocation gives it now, A per phase. */
  allocatedA: number;
  drawnA?: number;
  offeredA?: number;
  /** Set while it draws more than its profile allows: the offer it is held to, and its excess per grid phase (a fixed load on its EVSE). */
  overdraw?: { heldToA: number; excessA: PhaseTriple };
}

export interface StationPlanView {
  stationId: string;
  /** Its TxDefaultProfile now: what a session starting unseen may draw. */
  defaultA: number;
  /** Its station-max guard. */
  guardA: number;
}

/** What the latest planning of a site decided, for the REST views. */
export interface SitePlanView {
  siteId: string;
  plannedAt: number;
  nodes: NodePlanView[];
  /** Each node's parent (none for the root): what a measured draw adds up through. */
  parentOf: ReadonlyMap<string, string | undefined>;
  sessions: SessionPlanView[];
  stations: StationPlanView[];
  /** Chargers counted at their full rating: offline or never seen. */
  unreachable: string[];
  /** When the allocation changes next because a limit slot begins or ends. */
  nextChangeAt?: number;
}

function triple(values: readonly number[]): PhaseTriple {
  return [values[0] ?? 0, values[1] ?? 0, values[2] ?? 0];
}

function firstAmps(plan: StationPlan, purpose: 'tx-default' | 'station-max'): number {
  return plan.requests.find((request) => request.purpose === purpose)?.timeline[0]?.amps ?? 0;
}

export function sitePlanViewOf(site: SiteSnapshot, inputs: SessionInputs, steps: readonly TimelineStep[], plans: readonly StationPlan[], now: number): SitePlanView {
  const [current, next] = steps;
  const nodes: NodePlanView[] = (current?.nodes ?? []).map((node) => {
    const load = current?.allocation.nodeLoad.get(node.id);
    const headroom = current?.allocation.headroom.get(node.id);
    return {
      nodeId: node.id,
      limit: node.limit ?? {},
      loadA: triple(load?.perPhaseA ?? []),
      loadW: load?.totalW ?? 0,
      headroomA: triple(headroom?.perPhaseA ?? []),
      headroomW: headroom?.totalW ?? Number.POSITIVE_INFINITY,
    };
  });
  const sessions = inputs.sessions.map(({ input, stationId, evseId, transactionId, overdraw }) => ({
    sessionId: input.id,
    stationId,
    evseId,
    transactionId,
    nodeId: input.nodeId,
    gridPhases: input.gridPhases,
    minA: input.minA ?? 6,
    maxA: input.maxA,
    priority: input.priority ?? 0,
    allocatedA: current?.allocation.currents.get(input.id) ?? 0,
    drawnA: input.drawnA,
    offeredA: input.offeredA,
    overdraw,
  }));
  const stations = plans.map((plan) => ({ stationId: plan.stationId, defaultA: firstAmps(plan, 'tx-default'), guardA: firstAmps(plan, 'station-max') }));
  return { siteId: site.siteId, plannedAt: now, nodes, parentOf: new Map(site.nodes.map((node) => [node.id, node.parentId])), sessions, stations, unreachable: inputs.unreachable, nextChangeAt: next?.at };
}
