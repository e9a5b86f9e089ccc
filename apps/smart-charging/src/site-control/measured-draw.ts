import type { PhaseTriple } from '../allocation';
import type { StationChargingState } from '../sessions/charging-session';
import type { SitePlanView } from './site-plan.view';

const STATION_PHASES = ['L1', 'L2', 'L3'] as const;
const GRID_INDEX: Readonly<Record<string, 0 | 1 | 2>> = { L1: 0, L2: 1, L3: 2 };

/** What sessions and nodes draw now, as the stations last reported: per grid phase, in A. */
export interface MeasuredDraw {
  sessions: Map<string, { perGridPhaseA: PhaseTriple; at?: number }>;
  nodes: Map<string, PhaseTriple>;
}

/**
 * The measured side of a site's plan, read when asked (a plan is only redone when a draw moves
 * enough to matter): each session's newest per-phase current put on the grid phases its EV
 * loads (its station's L1 on its first grid phase, and so on), summed up through every node above.
 */
export function measuredDraw(plan: SitePlanView, stationOf: (stationId: string) => StationChargingState): MeasuredDraw {
  const measured: MeasuredDraw = { sessions: new Map(), nodes: new Map() };
  for (const session of plan.sessions) {
    const running = stationOf(session.stationId).sessions.get(session.evseId);
    if (running?.transactionId !== session.transactionId || running.drawnA === undefined) continue;
    const perGridPhaseA: PhaseTriple = [0, 0, 0];
    STATION_PHASES.forEach((phase, index) => {
      const gridPhase = session.gridPhases[index];
      const amps = running.drawnA?.[phase];
      if (gridPhase !== undefined && amps !== undefined) perGridPhaseA[GRID_INDEX[gridPhase] ?? 0] += amps;
    });
    measured.sessions.set(session.sessionId, { perGridPhaseA, at: running.drawnAt });
    for (let node: string | undefined = session.nodeId; node !== undefined; node = plan.parentOf.get(node)) {
      const sum = measured.nodes.get(node) ?? [0, 0, 0];
      measured.nodes.set(node, [sum[0] + perGridPhaseA[0], sum[1] + perGridPhaseA[1], sum[2] + perGridPhaseA[2]]);
    }
  }
  return measured;
}
