import type { MeasuredDraw } from '../site-control/measured-draw';
import type { NodePlanView, SitePlanView } from '../site-control/site-plan.view';
import { drawSamplesOf, limitsKeyOf } from './draw-sample';

function node(nodeId: string, limit: NodePlanView['limit'], loadA: [number, number, number], loadW: number): NodePlanView {
  return { nodeId, limit, loadA, loadW, headroomA: [0, 0, 0], headroomW: Number.POSITIVE_INFINITY };
}

const plan = (nodes: NodePlanView[]): SitePlanView => ({ siteId: 'S', plannedAt: 0, nodes, parentOf: new Map(), sessions: [], stations: [], unreachable: [] });

describe('drawSamplesOf', () => {
  it('takes each node’s effective limit and planned load from the plan and its draw from the measurement, at one instant', () => {
    const measured: MeasuredDraw = { sessions: new Map(), nodes: new Map([['F1', [10, 11, 12]]]) };
    const samples = drawSamplesOf(plan([node('S', { totalW: 40_000 }, [20, 20, 20], 13_800), node('F1', { perPhaseA: [32, 32, 25] }, [16, 16, 16], 11_040)]), measured, 1_000);
    expect(samples).toEqual([
      { siteId: 'S', nodeId: 'S', at: 1_000, limitA: undefined, limitW: 40_000, allocatedA: [20, 20, 20], allocatedW: 13_800, drawnA: [0, 0, 0] },
      { siteId: 'S', nodeId: 'F1', at: 1_000, limitA: [32, 32, 25], limitW: undefined, allocatedA: [16, 16, 16], allocatedW: 11_040, drawnA: [10, 11, 12] },
    ]);
  });

  it('counts a node nothing below draws from as drawing 0 A on every phase', () => {
    expect(drawSamplesOf(plan([node('S', {}, [0, 0, 0], 0)]), { sessions: new Map(), nodes: new Map() }, 5)[0]?.drawnA).toEqual([0, 0, 0]);
  });
});

describe('limitsKeyOf', () => {
  it('changes when a node’s effective limit changes, and only then', () => {
    const before = limitsKeyOf(plan([node('S', { perPhaseA: [32, 32, 32] }, [1, 1, 1], 690)]));
    expect(limitsKeyOf(plan([node('S', { perPhaseA: [32, 32, 32] }, [9, 9, 9], 6_210)]))).toBe(before);
    expect(limitsKeyOf(plan([node('S', { perPhaseA: [20, 32, 32] }, [1, 1, 1], 690)]))).not.toBe(before);
    expect(limitsKeyOf(plan([node('S', { perPhaseA: [32, 32, 32], totalW: 10_000 }, [1, 1, 1], 690)]))).not.toBe(before);
  });
});
