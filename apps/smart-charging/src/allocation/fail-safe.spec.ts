import type { AllocationNode, FixedLoad, GridPhase } from './allocation.types';
import { type FailSafeEvse, failSafe } from './fail-safe';

const three: GridPhase[] = ['L1', 'L2', 'L3'];

/** A site with its EVSEs right under it. */
function site(limit: AllocationNode['limit'], evses: FailSafeEvse[]): AllocationNode[] {
  return [{ id: 'site', limit }, ...evses.map((evse) => ({ id: evse.nodeId, parentId: 'site' }))];
}

const evse = (nodeId: string, gridPhases: GridPhase[] = three, extra: Partial<FailSafeEvse> = {}): FailSafeEvse => ({ nodeId, gridPhases, maxA: 32, ...extra });

describe('failSafe', () => {
  it('splits each phase equally among the EVSEs that may draw on it', () => {
    const evses = [evse('a'), evse('b'), evse('c'), evse('d')];
    expect(Object.fromEntries(failSafe({ nodes: site({ perPhaseA: [32, 32, 32] }, evses), evses }).evseShares)).toEqual({ a: 8, b: 8, c: 8, d: 8 });
  });

  it('counts a single-phase EVSE only on the phase it is wired to', () => {
    const evses = [evse('l1-a', ['L1']), evse('l1-b', ['L1']), evse('l2', ['L2'])];
    expect(Object.fromEntries(failSafe({ nodes: site({ perPhaseA: [16, 16, 16] }, evses), evses }).evseShares)).toEqual({ 'l1-a': 8, 'l1-b': 8, l2: 16 });
  });

  it('splits a total-W limit by phases drawn', () => {
    const evses = [evse('a'), evse('b', ['L1'])];
    // 18,400 W / 230 V = 80 phase-amperes over 4 phase-weights.
    expect(Object.fromEntries(failSafe({ nodes: site({ totalW: 18_400 }, evses), evses }).evseShares)).toEqual({ a: 20, b: 20 });
  });

  it('gives 0 where the equal share is below the minimum, and never more than the rating', () => {
    const evses = [evse('a'), evse('b'), evse('c'), evse('d', three, { minA: 4 })];
    expect(Object.fromEntries(failSafe({ nodes: site({ perPhaseA: [20, 20, 20] }, evses), evses }).evseShares)).toEqual({ a: 0, b: 0, c: 0, d: 5 });
    const alone = [evse('a', three, { maxA: 16 })];
    expect(failSafe({ nodes: site({ perPhaseA: [63, 63, 63] }, alone), evses: alone }).evseShares.get('a')).toBe(16);
  });

  it('takes the tightest node above each EVSE, and fixed loads off the top', () => {
    const nodes: AllocationNode[] = [
      { id: 'site', limit: { perPhaseA: [100, 100, 100] } },
      { id: 'feeder', parentId: 'site', limit: { perPhaseA: [30, 30, 30] } },
      { id: 'a', parentId: 'feeder' },
      { id: 'b', parentId: 'feeder' },
      { id: 'c', parentId: 'site' },
      { id: 'building', parentId: 'site' },
    ];
    const evses = [evse('a'), evse('b'), evse('c', ['L1'])];
    const shares = failSafe({ nodes, evses, fixedLoads: [{ nodeId: 'building', perPhaseA: [40, 0, 0] }] }).evseShares;
    expect(Object.fromEntries(shares)).toEqual({ a: 15, b: 15, c: 20 });
  });

  it('rounds down to the mA', () => {
    const evses = [evse('a', ['L1'], { minA: 1 }), evse('b', ['L1'], { minA: 1 }), evse('c', ['L1'], { minA: 1 })];
    expect([...failSafe({ nodes: site({ perPhaseA: [10, 10, 10] }, evses), evses }).evseShares.values()]).toEqual([3.333, 3.333, 3.333]);
  });

  it('splits what an allocation leaves among idle EVSEs when the allocated sessions come in as fixed loads', () => {
    const evses = [evse('idle-a'), evse('idle-b', ['L2'])];
    const nodes = [...site({ perPhaseA: [32, 32, 32] }, evses), { id: 'busy', parentId: 'site' }];
    const allocated: FixedLoad[] = [{ nodeId: 'busy', perPhaseA: [20, 20, 20] }];
    expect(Object.fromEntries(failSafe({ nodes, evses, fixedLoads: allocated }).evseShares)).toEqual({ 'idle-a': 6, 'idle-b': 6 });
  });

  it('guards each charger with its rating capped by an equal split of the nodes above among their chargers', () => {
    const nodes: AllocationNode[] = [
      { id: 'site', limit: { perPhaseA: [200, 200, 200] } },
      { id: 'cabinet', parentId: 'site', limit: { perPhaseA: [48, 48, 48] } },
      ...['x', 'y', 'z'].map((id) => ({ id, parentId: 'cabinet' })),
      { id: 'lone', parentId: 'site' },
    ];
    const chargers = ['x', 'y', 'z', 'lone'].map((nodeId) => ({ nodeId, gridPhases: three, ratingA: 32 }));
    expect(Object.fromEntries(failSafe({ nodes, evses: [], chargers }).chargerGuards)).toEqual({ x: 16, y: 16, z: 16, lone: 32 });
  });
});
