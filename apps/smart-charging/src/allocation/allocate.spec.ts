import { allocate } from './allocate';
import { AllocationInputErrorCode } from './allocation-input.error';
import type { AllocationInput, AllocationNode, AllocationSession, GridPhase } from './allocation.types';

const now = Date.UTC(2025, 0, 1);
const unlimited = Number.POSITIVE_INFINITY;

/** A site with one limit, and one EVSE per session directly under it. */
function site(limit: AllocationNode['limit'], sessions: AllocationSession[], extra: Partial<AllocationInput> = {}): AllocationInput {
  const evses = sessions.map((session) => ({ id: session.nodeId, parentId: 'site' }));
  return { nodes: [{ id: 'site', limit }, ...evses], sessions, now, ...extra };
}

function ev(id: string, gridPhases: GridPhase[], extra: Partial<AllocationSession> = {}): AllocationSession {
  return { id, nodeId: `evse-${id}`, gridPhases, maxA: 32, ...extra };
}

function currents(input: AllocationInput): Record<string, number> {
  return Object.fromEntries(allocate(input).currents);
}

describe('allocate', () => {
  it('shares one phase equally between two EVs', () => {
    expect(currents(site({ perPhaseA: [32, 32, 32] }, [ev('a', ['L1']), ev('b', ['L1'])]))).toEqual({ a: 16, b: 16 });
  });

  it('follows a rotated charger onto the grid phase its EV really draws on', () => {
    const input = site({ perPhaseA: [40, 16, 40] }, [ev('straight', ['L1']), ev('rotated', ['L2'])]);
    expect(currents(input)).toEqual({ straight: 32, rotated: 16 });
  });

  it('gives a 3-phase EV the same current on its three phases, next to a 1-phase EV', () => {
    const allocation = allocate(site({ perPhaseA: [32, 32, 32] }, [ev('three', ['L1', 'L2', 'L3']), ev('one', ['L1'])]));
    expect(Object.fromEntries(allocation.currents)).toEqual({ three: 16, one: 16 });
    expect(allocation.nodeLoad.get('site')).toEqual({ perPhaseA: [32, 16, 16], totalW: 64 * 230 });
    expect(allocation.headroom.get('site')).toEqual({ perPhaseA: [0, 16, 16], totalW: unlimited });
  });

  it('keeps a total-W cap counting every phase of every session', () => {
    const input = site({ totalW: 22_080 }, [ev('a', ['L1', 'L2', 'L3']), ev('b', ['L1', 'L2', 'L3'])]);
    expect(currents(input)).toEqual({ a: 16, b: 16 });
    expect(currents({ ...input, voltage: 240 })).toEqual({ a: 15.333, b: 15.333 });
  });

  it('fills a higher priority first, leaving the lower one its minimum', () => {
    expect(currents(site({ perPhaseA: [32, 32, 32] }, [ev('vip', ['L1'], { priority: 1 }), ev('normal', ['L1'])]))).toEqual({ vip: 26, normal: 6 });
  });

  it('gives what a session does not draw to the others, keeping its draw plus the margin', () => {
    const sessions = [ev('slow', ['L1'], { drawnA: 4, offeredA: 16 }), ev('fast', ['L1'], { drawnA: 16, offeredA: 16 })];
    expect(currents(site({ perPhaseA: [32, 32, 32] }, sessions))).toEqual({ slow: 6, fast: 26 });
    expect(currents(site({ perPhaseA: [32, 32, 32] }, sessions, { surplusMarginA: 5 }))).toEqual({ slow: 9, fast: 23 });
  });

  it('compares the draw with the share the session would get when nobody says what it was offered', () => {
    const sessions = [ev('slow', ['L1'], { drawnA: 8 }), ev('fast', ['L1'], { drawnA: 15.5 })];
    expect(currents(site({ perPhaseA: [32, 32, 32] }, sessions))).toEqual({ slow: 9, fast: 23 });
  });

  it('lets a session held low by others ramp up at once when it draws what it was offered', () => {
    expect(currents(site({ perPhaseA: [32, 32, 32] }, [ev('held', ['L1'], { drawnA: 10, offeredA: 10 })]))).toEqual({ held: 32 });
  });

  it('pauses a session whose minimum does not fit rather than giving it less, the latest started first', () => {
    const sessions = [ev('a', ['L1'], { startedAt: now - 3 }), ev('b', ['L1'], { startedAt: now - 1 }), ev('c', ['L1'], { startedAt: now - 2 })];
    expect(currents(site({ perPhaseA: [16, 16, 16] }, sessions))).toEqual({ a: 8, b: 0, c: 8 });
  });

  it('admits the most urgent session first when only one minimum fits', () => {
    const hour = 3_600_000;
    const sessions = [ev('relaxed', ['L1'], { needWh: 10_000, departure: now + 10 * hour, startedAt: now - hour }), ev('urgent', ['L1'], { needWh: 10_000, departure: now + hour })];
    expect(currents(site({ perPhaseA: [10, 10, 10] }, sessions))).toEqual({ relaxed: 0, urgent: 10 });
  });

  it('counts fixed loads against their node and its ancestors', () => {
    const input: AllocationInput = {
      nodes: [{ id: 'site', limit: { perPhaseA: [40, 40, 40] } }, { id: 'offline', parentId: 'site' }, { id: 'evse-a', parentId: 'site' }],
      sessions: [ev('a', ['L1', 'L2', 'L3'])],
      fixedLoads: [{ nodeId: 'offline', perPhaseA: [16, 16, 0] }],
      now,
    };
    const allocation = allocate(input);
    expect(allocation.currents.get('a')).toBe(24);
    expect(allocation.nodeLoad.get('offline')).toEqual({ perPhaseA: [16, 16, 0], totalW: 32 * 230 });
  });

  it('respects limits at every level of the tree', () => {
    const input: AllocationInput = {
      nodes: [
        { id: 'site', limit: { perPhaseA: [50, 50, 50] } },
        { id: 'cabinet', parentId: 'site', limit: { perPhaseA: [20, 20, 20] } },
        { id: 'evse-a', parentId: 'cabinet', limit: { perPhaseA: [12, 12, 12] } },
        { id: 'evse-b', parentId: 'cabinet' },
        { id: 'evse-c', parentId: 'site' },
      ],
      sessions: [ev('a', ['L1']), ev('b', ['L1']), ev('c', ['L1'])],
      now,
    };
    expect(currents(input)).toEqual({ a: 10, b: 10, c: 30 });
  });

  it('gives 0 to every session behind a node its fixed loads already overload', () => {
    const input = site({ perPhaseA: [10, 10, 10] }, [ev('a', ['L1'])], { fixedLoads: [{ nodeId: 'site', perPhaseA: [12, 0, 0] }] });
    const allocation = allocate(input);
    expect(allocation.currents.get('a')).toBe(0);
    expect(allocation.headroom.get('site')?.perPhaseA).toEqual([-2, 10, 10]);
  });

  it('never gives a session whose maximum is below its minimum anything', () => {
    expect(currents(site(undefined, [ev('odd', ['L1'], { minA: 6, maxA: 5 })]))).toEqual({ odd: 0 });
  });

  it('rounds down to the milliampere so that three sessions never exceed 10 A', () => {
    const allocation = allocate(site({ perPhaseA: [10, 10, 10] }, [ev('a', ['L1'], { minA: 1 }), ev('b', ['L1'], { minA: 1 }), ev('c', ['L1'], { minA: 1 })]));
    expect([...allocation.currents.values()]).toEqual([3.333, 3.333, 3.333]);
  });

  it('freezes together every constraint that fills at one level, so the order of the input never matters', () => {
    // The cabinet fills at 10 A for a; the site at 10.000 A for a, b and c with 2 mA to spare. Taking
    // the cabinet first would let b and c share those 2 mA, taking the site first would not.
    const site: AllocationNode = { id: 'site', limit: { perPhaseA: [30.002, 100, 100] } };
    const cabinet: AllocationNode = { id: 'cabinet', parentId: 'site', limit: { perPhaseA: [10, 100, 100] } };
    const evses: AllocationNode[] = [{ id: 'evse-a', parentId: 'cabinet' }, { id: 'evse-b', parentId: 'site' }, { id: 'evse-c', parentId: 'site' }];
    const sessions = [ev('a', ['L1']), ev('b', ['L1']), ev('c', ['L1'])];
    for (const nodes of [[site, cabinet, ...evses], [...evses].reverse().concat(cabinet, site)]) {
      for (const ordered of [sessions, [...sessions].reverse()]) {
        expect(currents({ nodes, sessions: ordered, now })).toEqual({ a: 10, b: 10, c: 10 });
      }
    }
  });

  it('rejects a negative surplus margin', () => {
    expect(() => allocate(site(undefined, [ev('a', ['L1'])], { surplusMarginA: -1 }))).toThrow(expect.objectContaining({ code: AllocationInputErrorCode.invalidCurrent }));
  });

  it.each<[string, Pick<AllocationInput, 'nodes' | 'sessions'>, AllocationInputErrorCode]>([
    ['a duplicate node', { nodes: [{ id: 'x' }, { id: 'x' }], sessions: [] }, AllocationInputErrorCode.duplicateNode],
    ['a cycle', { nodes: [{ id: 'x', parentId: 'y' }, { id: 'y', parentId: 'x' }], sessions: [] }, AllocationInputErrorCode.cycle],
    ['an unknown parent', { nodes: [{ id: 'x', parentId: 'nowhere' }], sessions: [] }, AllocationInputErrorCode.unknownParent],
    ['a session on an unknown node', { nodes: [{ id: 'x' }], sessions: [ev('a', ['L1'])] }, AllocationInputErrorCode.unknownNode],
    ['a duplicate session', { nodes: [{ id: 'evse-a' }], sessions: [ev('a', ['L1']), ev('a', ['L2'])] }, AllocationInputErrorCode.duplicateSession],
    ['a session on the same phase twice', { nodes: [{ id: 'evse-a' }], sessions: [ev('a', ['L1', 'L1'])] }, AllocationInputErrorCode.invalidPhases],
    ['a NaN maximum', { nodes: [{ id: 'evse-a' }], sessions: [ev('a', ['L1'], { maxA: Number.NaN })] }, AllocationInputErrorCode.invalidCurrent],
  ])('rejects %s with a coded error', (_, partial, code) => {
    expect(() => allocate({ now, ...partial })).toThrow(expect.objectContaining({ code }));
  });
});
