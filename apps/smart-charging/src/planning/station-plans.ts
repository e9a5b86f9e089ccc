import { type FailSafeEvse, type FixedLoad, type GridPhase, type Limit, type PhaseTriple, failSafe } from '../allocation';
import type { PlannedLimit, ProfileRequest } from '../dispatch/planned-profile';
import type { TimelineStep } from './allocation-timeline';
import { type PlannedSession, type SessionInputs, sessionIdOf } from './session-inputs';
import { type SiteCharger, type SiteSnapshot, gridPhasesOf } from './site-snapshot';

const VOLTAGE = 230;
const PHASE_INDEX: Readonly<Record<GridPhase, 0 | 1 | 2>> = { L1: 0, L2: 1, L3: 2 };

/** The profiles one station should hold. */
export interface StationPlan {
  stationId: string;
  requests: ProfileRequest[];
}

/** Profiles start on the whole second (as stations write startSchedule): their offsets count from there. */
function scheduleStartOf(now: number): number {
  return Math.floor(now / 1000) * 1000;
}

/**
 * A limit per step as whole-second periods from `startAt`: a rise starts no earlier than its step
 * and a fall no later, so rounding never lets a station draw above a limit in force; steps that
 * round onto one second keep the lower limit.
 */
export function periodsOf(steps: readonly TimelineStep[], amps: readonly number[], startAt: number): PlannedLimit[] {
  const periods: PlannedLimit[] = [];
  steps.forEach((step, index) => {
    const limit = amps[index] ?? 0;
    const previous = periods.at(-1);
    if (previous === undefined) {
      periods.push({ atOffsetS: 0, amps: limit });
      return;
    }
    const exactS = Math.max(0, (step.at - startAt) / 1000);
    const atOffsetS = limit > previous.amps ? Math.ceil(exactS - 1e-6) : Math.floor(exactS + 1e-6);
    if (atOffsetS <= previous.atOffsetS) previous.amps = Math.min(previous.amps, limit);
    else periods.push({ atOffsetS, amps: limit });
  });
  return periods;
}

function txRequest(session: PlannedSession, steps: readonly TimelineStep[], startAt: number): ProfileRequest {
  const amps = steps.map((step) => step.allocation.currents.get(session.input.id) ?? 0);
  return { purpose: 'tx', evseId: session.evseId, transactionId: session.transactionId, phases: session.phases, timeline: periodsOf(steps, amps, startAt), startAt };
}

function loadOn(phases: readonly GridPhase[], amps: number): PhaseTriple {
  const load: PhaseTriple = [0, 0, 0];
  for (const phase of phases) load[PHASE_INDEX[phase]] = amps;
  return load;
}

/**
 * Per idle EVSE and step: what a session starting there unseen may take, so that all of them
 * together stay within what the allocation leaves (its headroom) on every node and phase.
 */
function headroomShares(site: SiteSnapshot, inputs: SessionInputs, steps: readonly TimelineStep[], unreachable: ReadonlySet<string>): Map<string, number>[] {
  const busy = new Set(inputs.sessions.map((session) => session.input.id));
  const chargers = new Map(site.chargers.map((charger) => [charger.nodeId, charger]));
  const idle: FailSafeEvse[] = [];
  for (const evse of site.evses) {
    const charger = chargers.get(evse.chargerNodeId);
    if (charger === undefined || busy.has(sessionIdOf(evse.stationId, evse.evseId)) || unreachable.has(evse.stationId)) continue;
    idle.push({ nodeId: evse.nodeId, gridPhases: gridPhasesOf(charger, evse.phases), minA: evse.minA, maxA: Math.min(evse.maxA, charger.ratingA) });
  }
  return steps.map((step) => {
    const allocated: FixedLoad[] = inputs.sessions.map((session) => ({
      nodeId: session.input.nodeId,
      perPhaseA: loadOn(session.input.gridPhases, step.allocation.currents.get(session.input.id) ?? 0),
    }));
    return failSafe({ nodes: step.nodes, evses: idle, fixedLoads: [...inputs.fixedLoads, ...allocated] }).evseShares;
  });
}

function amperesUnder(limit: Limit | undefined, phases: readonly GridPhase[]): number {
  let amps = Number.POSITIVE_INFINITY;
  for (const phase of phases) amps = Math.min(amps, limit?.perPhaseA?.[PHASE_INDEX[phase]] ?? Number.POSITIVE_INFINITY);
  if (limit?.totalW !== undefined) amps = Math.min(amps, limit.totalW / (phases.length * VOLTAGE));
  return amps;
}

/** Chargers' guards: each one's rating, capped by every node above it on its phases over all steps. */
function guardsOf(site: SiteSnapshot, steps: readonly TimelineStep[]): (charger: SiteCharger) => number {
  // Built once per plan: looking them up per charger made planning quadratic in the site's size.
  const parents = new Map(site.nodes.map((node) => [node.id, node.parentId]));
  const limitsPerStep = steps.map((step) => new Map(step.nodes.map((node) => [node.id, node.limit])));
  return (charger) => {
    const phases = gridPhasesOf(charger, charger.phases);
    let guard = charger.ratingA;
    for (const limits of limitsPerStep) {
      for (let at: string | undefined = charger.nodeId; at !== undefined; at = parents.get(at)) guard = Math.min(guard, amperesUnder(limits.get(at), phases));
    }
    return Math.max(0, guard);
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Every reachable station's profiles for a site: a TxProfile per session following its
 * allocation over time, a station-wide TxDefaultProfile with the least headroom share of its
 * idle EVSEs (0 when none is idle: a new session waits for its allocation), and the charger's
 * guard as its station-max profile.
 */
export function stationPlans(site: SiteSnapshot, inputs: SessionInputs, steps: readonly TimelineStep[], now: number): StationPlan[] {
  const unreachable = new Set(inputs.unreachable);
  const shares = headroomShares(site, inputs, steps, unreachable);
  const guardOf = guardsOf(site, steps);
  const sessionsOf = groupBy(inputs.sessions, (session) => session.stationId);
  const evsesOf = groupBy(site.evses, (evse) => evse.chargerNodeId);
  const startAt = scheduleStartOf(now);
  return site.chargers
    .filter((charger) => !unreachable.has(charger.stationId))
    .map((charger) => {
      const sessions = sessionsOf.get(charger.stationId) ?? [];
      const idle = (evsesOf.get(charger.nodeId) ?? []).filter((evse) => shares[0]?.has(evse.nodeId));
      const defaultAmps = steps.map((_, index) => (idle.length === 0 ? 0 : Math.min(...idle.map((evse) => shares[index]?.get(evse.nodeId) ?? 0))));
      const requests: ProfileRequest[] = [
        { purpose: 'station-max', evseId: 0, phases: charger.phases, timeline: [{ atOffsetS: 0, amps: guardOf(charger) }], startAt },
        { purpose: 'tx-default', evseId: 0, phases: charger.phases, timeline: periodsOf(steps, defaultAmps, startAt), startAt },
        ...sessions.map((session) => txRequest(session, steps, startAt)),
      ];
      return { stationId: charger.stationId, requests };
    });
}
