import type { AllocationSession, FixedLoad, PhaseTriple } from '../allocation';
import type { ChargingSession, StationChargingState } from '../sessions/charging-session';
import type { EvNeeds, PerPhase } from '../sessions/station-fact';
import { type SiteCharger, type SiteEvse, type SiteSnapshot, gridPhasesOf } from './site-snapshot';

/** Below this a phase is not drawing (noise, a contactor's leakage). */
const DRAWING_A = 1;

export interface PlannedSession {
  input: AllocationSession;
  stationId: string;
  evseId: number;
  transactionId: string;
  /** Phases the EV draws on (the station's first n). */
  phases: 1 | 2 | 3;
  /** Set while it draws more than its profile allows: the offer it is held to, and its excess per grid phase counted as a fixed load. */
  overdraw?: { heldToA: number; excessA: PhaseTriple };
}

/** A session found drawing more than its profile allows (verification/): what planning holds it to and counts for it. */
export interface Overdraw {
  /** The offer it was judged against: its maximum while it overdraws. */
  heldToA: number;
  /** What it drew above that offer on each of its station's phases. */
  excessA: PerPhase;
}

export interface SessionInputs {
  sessions: PlannedSession[];
  fixedLoads: FixedLoad[];
  /** Chargers counted at full rating, because the station is offline or not yet known. */
  unreachable: string[];
}

export function sessionIdOf(stationId: string, evseId: number): string {
  return `${stationId}/${evseId}`;
}

function phasesDrawing(drawn: PerPhase | undefined): number {
  return drawn === undefined ? 0 : (['L1', 'L2', 'L3'] as const).filter((phase) => (drawn[phase] ?? 0) >= DRAWING_A).length;
}

/** How many phases the EV uses: what it said, else what it draws on, else all the EVSE has. */
function phasesOf(session: ChargingSession, needs: EvNeeds | undefined, evse: Pick<SiteEvse, 'phases'>): 1 | 2 | 3 {
  const known = needs?.phases ?? phasesDrawing(session.drawnA);
  const count = known > 0 ? Math.min(known, evse.phases) : evse.phases;
  return count === 1 ? 1 : count === 2 ? 2 : 3;
}

function drawnOf(drawn: PerPhase | undefined): number | undefined {
  if (drawn === undefined) return undefined;
  return Math.max(drawn.L1 ?? 0, drawn.L2 ?? 0, drawn.L3 ?? 0);
}

/** A charger's full rating on the grid phases it is wired to. */
export function ratingLoad(charger: SiteCharger): PhaseTriple {
  const load: PhaseTriple = [0, 0, 0];
  for (const phase of gridPhasesOf(charger, charger.phases)) load[phase === 'L1' ? 0 : phase === 'L2' ? 1 : 2] = charger.ratingA;
  return load;
}

/** A per-phase excess of the station's phases on the grid's phases, after the charger's wiring. */
function excessLoad(charger: SiteCharger, excess: PerPhase): PhaseTriple {
  const load: PhaseTriple = [0, 0, 0];
  (['L1', 'L2', 'L3'] as const).forEach((phase, index) => {
    const grid = charger.wiring[index];
    load[grid === 'L1' ? 0 : grid === 'L2' ? 1 : 2] += Math.max(0, excess[phase] ?? 0);
  });
  return load;
}

/** An EVSE the topology does not list: it hangs off its charger with the charger's rating. */
function implicitEvse(charger: SiteCharger, evseId: number): SiteEvse {
  return { nodeId: charger.nodeId, chargerNodeId: charger.nodeId, stationId: charger.stationId, evseId, minA: 6, maxA: charger.ratingA, phases: charger.phases, priority: 0 };
}

/**
 * The allocation's inputs for a site: a session per transaction running on a reachable charger
 * of the site, with its limits from the EVSE, the charger and what the EV said; each unreachable
 * charger as a fixed load at its full rating; each pinned session (its profile was rejected) as a
 * fixed load at what it draws instead; each overdrawing session (`overdrawn`, per session id)
 * capped at the offer it was judged against and its excess over that offer a fixed load on its
 * EVSE, so that the others make room for it until it complies and it gains nothing by overdrawing.
 */
export function sessionInputs(
  site: SiteSnapshot,
  stations: ReadonlyMap<string, StationChargingState>,
  offeredA: ReadonlyMap<string, number>,
  pinnedA: ReadonlyMap<string, number> = new Map(),
  overdrawn: ReadonlyMap<string, Overdraw> = new Map(),
): SessionInputs {
  const evses = new Map(site.evses.map((evse) => [sessionIdOf(evse.stationId, evse.evseId), evse]));
  const result: SessionInputs = { sessions: [], fixedLoads: [], unreachable: [] };
  for (const charger of site.chargers) {
    const state = stations.get(charger.stationId);
    if (state === undefined || !state.connected) {
      result.unreachable.push(charger.stationId);
      result.fixedLoads.push({ nodeId: charger.nodeId, perPhaseA: ratingLoad(charger) });
      continue;
    }
    for (const session of state.sessions.values()) {
      const id = sessionIdOf(charger.stationId, session.evseId);
      const evse = evses.get(id) ?? implicitEvse(charger, session.evseId);
      const needs = state.needs.get(session.evseId);
      const phases = phasesOf(session, needs, evse);
      const gridPhases = gridPhasesOf(charger, phases);
      const pinned = pinnedA.get(id);
      if (pinned !== undefined) {
        const load: PhaseTriple = [0, 0, 0];
        for (const phase of gridPhases) load[phase === 'L1' ? 0 : phase === 'L2' ? 1 : 2] = pinned;
        result.fixedLoads.push({ nodeId: evse.nodeId, perPhaseA: load });
        continue;
      }
      const overdrawing = overdrawn.get(id);
      const overdraw = overdrawing === undefined ? undefined : { heldToA: overdrawing.heldToA, excessA: excessLoad(charger, overdrawing.excessA) };
      if (overdraw !== undefined) result.fixedLoads.push({ nodeId: evse.nodeId, perPhaseA: overdraw.excessA });
      const minA = Math.max(evse.minA, needs?.minA ?? 0);
      const maxA = Math.min(evse.maxA, charger.ratingA, needs?.maxA ?? Number.POSITIVE_INFINITY, overdraw?.heldToA ?? Number.POSITIVE_INFINITY);
      result.sessions.push({
        overdraw,
        stationId: charger.stationId,
        evseId: session.evseId,
        transactionId: session.transactionId,
        phases,
        input: {
          id,
          nodeId: evse.nodeId,
          gridPhases,
          minA,
          maxA: Math.max(0, maxA),
          priority: evse.priority,
          drawnA: drawnOf(session.drawnA),
          offeredA: offeredA.get(id),
          needWh: needs?.needWh,
          departure: needs?.departure,
          startedAt: session.startedAt,
        },
      });
    }
  }
  return result;
}
