import { allocationFigures } from './allocation-figures';
import type { NodePlanView, SessionPlanView } from './site-plan.view';

function node(nodeId: string, loadW: number): NodePlanView {
  return { nodeId, limit: {}, loadA: [0, 0, 0], loadW, headroomA: [0, 0, 0], headroomW: 0 };
}

function session(sessionId: string, allocatedA: number, maxA: number): SessionPlanView {
  return { sessionId, stationId: 'CP-1', evseId: 1, transactionId: sessionId, nodeId: 'feeder', gridPhases: ['L1'], minA: 6, maxA, priority: 0, allocatedA };
}

describe('allocation figures', () => {
  it('counts the load of the root nodes only, not again for every node below them', () => {
    const plan = { nodes: [node('site', 11_000), node('feeder', 7_000), node('other-root', 500)], parentOf: new Map([['site', undefined], ['feeder', 'site'], ['other-root', undefined]]), sessions: [] };
    expect(allocationFigures(plan)).toEqual({ allocatedW: 11_500, sessions: 0, capped: 0 });
  });

  it('counts sessions given less than their maximum as capped, a paused one included', () => {
    const plan = { nodes: [], parentOf: new Map(), sessions: [session('a', 32, 32), session('b', 16, 32), session('c', 0, 16), session('d', 15.98, 16)] };
    expect(allocationFigures(plan)).toEqual({ allocatedW: 0, sessions: 4, capped: 2 });
  });
});
