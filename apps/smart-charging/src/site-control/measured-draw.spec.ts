import { emptyStation, type StationChargingState } from '../sessions/charging-session';
import type { PerPhase } from '../sessions/station-fact';
import { measuredDraw } from './measured-draw';
import type { SessionPlanView, SitePlanView } from './site-plan.view';

function session(stationId: string, gridPhases: string[], nodeId: string): SessionPlanView {
  return { sessionId: `${stationId}/1`, stationId, evseId: 1, transactionId: `tx-${stationId}`, nodeId, gridPhases, minA: 6, maxA: 32, priority: 0, allocatedA: 16 };
}

const plan: SitePlanView = {
  siteId: 'S',
  plannedAt: 0,
  nodes: [],
  parentOf: new Map([
    ['S', undefined],
    ['feeder', 'S'],
    ['A', 'feeder'],
    ['A:1', 'A'],
    ['B', 'S'],
    ['B:1', 'B'],
  ]),
  sessions: [session('A', ['L1', 'L2', 'L3'], 'A:1'), session('B', ['L2'], 'B:1')],
  stations: [],
  unreachable: [],
};

function drawing(stationId: string, transactionId: string, drawnA: PerPhase): StationChargingState {
  return { ...emptyStation(stationId), connected: true, sessions: new Map([[1, { evseId: 1, transactionId, startedAt: 0, drawnA, drawnAt: 5 }]]) };
}

describe('measuredDraw', () => {
  it('puts each session’s station phases on its grid phases and sums them up through every node above', () => {
    const stations = new Map([
      ['A', drawing('A', 'tx-A', { L1: 10, L2: 11, L3: 12 })],
      // A rotated single-phase EV: its station L1 is grid L2.
      ['B', drawing('B', 'tx-B', { L1: 7 })],
    ]);
    const measured = measuredDraw(plan, (id) => stations.get(id) ?? emptyStation(id));
    expect(measured.sessions.get('B/1')).toEqual({ perGridPhaseA: [0, 7, 0], at: 5 });
    expect(measured.nodes.get('feeder')).toEqual([10, 11, 12]);
    expect(measured.nodes.get('B')).toEqual([0, 7, 0]);
    expect(measured.nodes.get('S')).toEqual([10, 18, 12]);
  });

  it('ignores the draw of another transaction than the one planned', () => {
    const stations = new Map([['A', drawing('A', 'tx-newer', { L1: 10, L2: 10, L3: 10 })]]);
    const measured = measuredDraw(plan, (id) => stations.get(id) ?? emptyStation(id));
    expect(measured.sessions.size).toBe(0);
    expect(measured.nodes.get('S')).toBeUndefined();
  });
});
