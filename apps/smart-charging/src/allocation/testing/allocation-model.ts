import { type AllocationInput, type AllocationSession, DEFAULT_MIN_A, DEFAULT_SURPLUS_MARGIN_A, DEFAULT_VOLTAGE, GRID_PHASES } from '../allocation.types';

/**
 * The allocation problem restated plainly for the property tests, independently of the engine's
 * data structures: every finite limit is a constraint `Σ weight × current + fixed ≤ limit` in
 * amperes (a total-W limit in phase-amperes: W / V, where a session on k phases weighs k).
 */
export interface LimitConstraint {
  label: string;
  limit: number;
  /** Per session (input order): 0 when it does not load this constraint. */
  weight: number[];
  fixed: number;
  /** Rounding allowance: 1 mA per session on it, per fixed entry, and for the limit itself. */
  tolerance: number;
}

export interface AllocationModel {
  input: AllocationInput;
  sessions: readonly AllocationSession[];
  minimum: number[];
  priority: number[];
  margin: number;
  constraints: LimitConstraint[];
}

const milliampere = 0.001;

export function modelOf(input: AllocationInput): AllocationModel {
  const voltage = input.voltage ?? DEFAULT_VOLTAGE;
  const parentOf = new Map(input.nodes.map((node) => [node.id, node.parentId]));
  const ancestors = (nodeId: string): string[] => {
    const chain: string[] = [];
    for (let at: string | undefined = nodeId; at !== undefined; at = parentOf.get(at)) chain.push(at);
    return chain;
  };
  const sessionChains = input.sessions.map((session) => new Set(ancestors(session.nodeId)));
  const fixedChains = (input.fixedLoads ?? []).map((load) => ({ load, chain: new Set(ancestors(load.nodeId)) }));
  const constraints: LimitConstraint[] = [];
  for (const node of input.nodes) {
    const under = (chain: Set<string>) => chain.has(node.id);
    const fixedUnder = fixedChains.filter(({ chain }) => under(chain)).map(({ load }) => load.perPhaseA);
    GRID_PHASES.forEach((phase, slot) => {
      const limit = node.limit?.perPhaseA?.[slot];
      if (limit === undefined || !Number.isFinite(limit)) return;
      const weight = input.sessions.map((session, index) => (under(sessionChains[index]) && session.gridPhases.includes(phase) ? 1 : 0));
      const fixed = fixedUnder.reduce((sum, perPhase) => sum + perPhase[slot], 0);
      constraints.push(constraint(`${node.id} ${phase} ≤ ${limit} A`, limit, weight, fixed, fixedUnder.length));
    });
    const totalW = node.limit?.totalW;
    if (totalW === undefined || !Number.isFinite(totalW)) continue;
    const weight = input.sessions.map((session, index) => (under(sessionChains[index]) ? session.gridPhases.length : 0));
    const fixed = fixedUnder.reduce((sum, perPhase) => sum + perPhase[0] + perPhase[1] + perPhase[2], 0);
    constraints.push(constraint(`${node.id} ≤ ${totalW} W`, totalW / voltage, weight, fixed, 3 * fixedUnder.length));
  }
  return {
    input,
    sessions: input.sessions,
    minimum: input.sessions.map((session) => session.minA ?? DEFAULT_MIN_A),
    priority: input.sessions.map((session) => session.priority ?? 0),
    margin: input.surplusMarginA ?? DEFAULT_SURPLUS_MARGIN_A,
    constraints,
  };
}

function constraint(label: string, limit: number, weight: number[], fixed: number, fixedEntries: number): LimitConstraint {
  const weightSum = weight.reduce((sum, value) => sum + value, 0);
  return { label, limit, weight, fixed, tolerance: (weightSum + fixedEntries + 1) * milliampere + 1e-9 };
}

/** What the sessions draw on the constraint, in A. */
export function sessionsPart(constraint: LimitConstraint, currents: readonly number[]): number {
  return constraint.weight.reduce((sum, weight, index) => sum + weight * currents[index], 0);
}

export function slack(constraint: LimitConstraint, currents: readonly number[]): number {
  return constraint.limit - constraint.fixed - sessionsPart(constraint, currents);
}

/**
 * The effective maximum of each session (ADR 013 guarantee 5): its `maxA`, unless it draws clearly
 * less than its reference (`offeredA`, else what it gets with no surplus cap at all), then its draw
 * plus the margin, not below its minimum nor above its `maxA`.
 */
export function effectiveMaxima(model: AllocationModel, uncapped: readonly number[]): number[] {
  return model.sessions.map((session, index) => {
    const { drawnA, offeredA, maxA } = session;
    if (drawnA === undefined) return maxA;
    const reference = offeredA ?? uncapped[index];
    if (!(drawnA + model.margin < reference)) return maxA;
    return Math.min(maxA, Math.max(model.minimum[index], drawnA + model.margin));
  });
}

/** Urgency as ADR 013 defines it: average power still needed until departure; unknown is least. */
function urgency(session: AllocationSession, now: number): number {
  if (session.needWh === undefined || session.departure === undefined) return -1;
  if (session.needWh === 0) return 0;
  return session.departure > now ? session.needWh / ((session.departure - now) / 3_600_000) : Number.POSITIVE_INFINITY;
}

/** Admission rank of each session (0 first): priority, urgency, start, id. */
export function admissionRanks(model: AllocationModel): number[] {
  const { sessions, priority } = model;
  const key = sessions.map((session, index) => ({ index, priority: priority[index], urgency: urgency(session, model.input.now), start: session.startedAt ?? Number.POSITIVE_INFINITY, id: session.id }));
  key.sort((a, b) => b.priority - a.priority || Math.sign(b.urgency - a.urgency) || Math.sign(a.start - b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank: number[] = [];
  key.forEach(({ index }, position) => (rank[index] = position));
  return rank;
}
