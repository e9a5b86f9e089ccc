import type { StationChargingState } from '../sessions/charging-session';
import { allocationTimeline } from './allocation-timeline';
import { sessionInputs } from './session-inputs';
import type { SiteSnapshot } from './site-snapshot';
import { periodsOf, stationPlans } from './station-plans';

const now = Date.parse('2026-12-05T10:00:00Z');

/** 32 A per phase at the root; C2 is a rotated charger (its L1 is the grid's L2). */
function site(slots: { start: number; durationS: number; amps: number }[] = []): SiteSnapshot {
  return {
    siteId: 'S',
    nodes: [
      { id: 'root', ownLimit: { perPhaseA: [32, 32, 32] } },
      { id: 'F1', parentId: 'root' },
      { id: 'C1', parentId: 'F1' },
      { id: 'C2', parentId: 'F1' },
      { id: 'C1-1', parentId: 'C1' },
      { id: 'C2-1', parentId: 'C2' },
      { id: 'C2-2', parentId: 'C2' },
    ],
    schedules: new Map([['root', [{ source: 'grid-operator', slots: slots.map((slot) => ({ start: slot.start, durationS: slot.durationS, limit: { perPhaseA: [slot.amps, slot.amps, slot.amps] } })) }]]]),
    chargers: [
      { nodeId: 'C1', stationId: 'CP-1', wiring: ['L1', 'L2', 'L3'], ratingA: 32, phases: 3 },
      { nodeId: 'C2', stationId: 'CP-2', wiring: ['L2', 'L3', 'L1'], ratingA: 32, phases: 3 },
    ],
    evses: [
      { nodeId: 'C1-1', chargerNodeId: 'C1', stationId: 'CP-1', evseId: 1, minA: 6, maxA: 32, phases: 3, priority: 0 },
      { nodeId: 'C2-1', chargerNodeId: 'C2', stationId: 'CP-2', evseId: 1, minA: 6, maxA: 32, phases: 3, priority: 0 },
      { nodeId: 'C2-2', chargerNodeId: 'C2', stationId: 'CP-2', evseId: 2, minA: 6, maxA: 32, phases: 3, priority: 0 },
    ],
  };
}

function station(stationId: string, sessions: { evseId: number; transactionId: string; phases?: 1 | 3 }[], connected = true): StationChargingState {
  return {
    stationId,
    connected,
    connectivityAt: now - 60_000,
    sessions: new Map(sessions.map((session) => [session.evseId, { evseId: session.evseId, transactionId: session.transactionId, startedAt: now - 1000 }])),
    needs: new Map(sessions.map((session) => [session.evseId, { phases: session.phases }])),
  };
}

const stations = () =>
  new Map([
    ['CP-1', station('CP-1', [{ evseId: 1, transactionId: '11', phases: 3 }])],
    ['CP-2', station('CP-2', [{ evseId: 1, transactionId: 'T-2', phases: 1 }])],
  ]);

describe('planning a site', () => {
  it('shares the phase a 1-phase EV on a rotated charger lands on, and gives new sessions what is left', () => {
    const snapshot = site();
    const inputs = sessionInputs(snapshot, stations(), new Map());
    expect(inputs.sessions.map((session) => [session.input.id, session.input.gridPhases])).toEqual([
      ['CP-1/1', ['L1', 'L2', 'L3']],
      ['CP-2/1', ['L2']],
    ]);
    const steps = allocationTimeline(snapshot, inputs, { now, horizonMs: 86_400_000, maxSteps: 24 });
    expect([...steps[0]?.allocation.currents ?? []]).toEqual([
      ['CP-1/1', 16],
      ['CP-2/1', 16],
    ]);
    const plans = stationPlans(snapshot, inputs, steps, now);
    const cp2 = plans.find((plan) => plan.stationId === 'CP-2')?.requests;
    expect(cp2).toEqual([
      { purpose: 'station-max', evseId: 0, phases: 3, timeline: [{ atOffsetS: 0, amps: 32 }], startAt: now },
      // Its idle EVSE 2 would draw on the grid's L2 too, where nothing is left.
      { purpose: 'tx-default', evseId: 0, phases: 3, timeline: [{ atOffsetS: 0, amps: 0 }], startAt: now },
      { purpose: 'tx', evseId: 1, transactionId: 'T-2', phases: 1, timeline: [{ atOffsetS: 0, amps: 16 }], startAt: now },
    ]);
  });

  it('follows a grid limit slot ahead, and ends on the lowest limit still to come', () => {
    const snapshot = site([
      { start: now + 600_000, durationS: 1800, amps: 20 },
      { start: now + 7_200_000, durationS: 600, amps: 12 },
    ]);
    const inputs = sessionInputs(snapshot, stations(), new Map());
    const steps = allocationTimeline(snapshot, inputs, { now, horizonMs: 3_600_000, maxSteps: 24 });
    const tx = stationPlans(snapshot, inputs, steps, now)
      .find((plan) => plan.stationId === 'CP-1')
      ?.requests.find((request) => request.purpose === 'tx');
    // The 12 A slot is beyond the horizon: the last period already holds it.
    expect(tx?.timeline).toEqual([
      { atOffsetS: 0, amps: 16 },
      { atOffsetS: 600, amps: 10 },
      { atOffsetS: 2400, amps: 6 },
    ]);
  });

  it('counts an offline charger at its full rating and plans nothing for it', () => {
    const snapshot = site();
    const offline = stations();
    offline.set('CP-2', station('CP-2', [], false));
    const inputs = sessionInputs(snapshot, offline, new Map());
    expect(inputs.unreachable).toEqual(['CP-2']);
    const steps = allocationTimeline(snapshot, inputs, { now, horizonMs: 86_400_000, maxSteps: 24 });
    // CP-2 at 32 A on every phase leaves nothing for CP-1's session.
    expect(steps[0]?.allocation.currents.get('CP-1/1')).toBe(0);
    expect(stationPlans(snapshot, inputs, steps, now).map((plan) => plan.stationId)).toEqual(['CP-1']);
  });

  it('counts a session whose profile was rejected at what it draws instead', () => {
    const snapshot = site();
    const inputs = sessionInputs(snapshot, stations(), new Map(), new Map([['CP-2/1', 10]]));
    const steps = allocationTimeline(snapshot, inputs, { now, horizonMs: 86_400_000, maxSteps: 24 });
    expect([...steps[0]?.allocation.currents ?? []]).toEqual([['CP-1/1', 22]]);
  });

  it('starts each period on the slot boundary itself when planned mid-second: the profile starts on the whole second before', () => {
    const planned = now + 700;
    const snapshot = site([{ start: now, durationS: 20, amps: 20 }]);
    const inputs = sessionInputs(snapshot, stations(), new Map());
    const steps = allocationTimeline(snapshot, inputs, { now: planned, horizonMs: 3_600_000, maxSteps: 24 });
    const tx = stationPlans(snapshot, inputs, steps, planned)
      .find((plan) => plan.stationId === 'CP-1')
      ?.requests.find((request) => request.purpose === 'tx');
    // Rounded from the planning instant, the rise came at 19 s: a second early, above the 20 A slot still in force.
    expect(tx).toMatchObject({ startAt: now, timeline: [{ atOffsetS: 0, amps: 10 }, { atOffsetS: 20, amps: 16 }] });
  });

  it('rounds a rise at a fractional boundary up and a fall down, keeping the lower limit where two meet on one second', () => {
    const step = (at: number) => ({ at, nodes: [], allocation: { currents: new Map(), nodeLoad: new Map(), headroom: new Map() } });
    expect(periodsOf([step(now + 300), step(now + 10_400), step(now + 20_600)], [10, 20, 5], now)).toEqual([
      { atOffsetS: 0, amps: 10 },
      { atOffsetS: 11, amps: 20 },
      { atOffsetS: 20, amps: 5 },
    ]);
    expect(periodsOf([step(now), step(now + 10_200), step(now + 11_100)], [10, 20, 5], now)).toEqual([
      { atOffsetS: 0, amps: 10 },
      { atOffsetS: 11, amps: 5 },
    ]);
  });

  it('guards each charger by the limits of its own branch, on the grid phases it is wired to', () => {
    const base = site();
    const snapshot: SiteSnapshot = {
      ...base,
      nodes: [...base.nodes.filter((node) => node.id !== 'C2' && node.id !== 'C2-1' && node.id !== 'C2-2'), { id: 'F2', parentId: 'root', ownLimit: { perPhaseA: [40, 12, 20] } }, { id: 'C2', parentId: 'F2' }, { id: 'C2-1', parentId: 'C2' }, { id: 'C2-2', parentId: 'C2' }],
      schedules: new Map(),
    };
    const inputs = sessionInputs(snapshot, stations(), new Map());
    const steps = allocationTimeline(snapshot, inputs, { now, horizonMs: 86_400_000, maxSteps: 24 });
    const guards = stationPlans(snapshot, inputs, steps, now).map((plan) => [plan.stationId, plan.requests.find((request) => request.purpose === 'station-max')?.timeline]);
    // CP-1 sits under F1 (no limit of its own) and the root's 32 A; CP-2's L1-L3 are the grid's L2, L3, L1 under F2's 12 A on L2.
    expect(guards).toEqual([
      ['CP-1', [{ atOffsetS: 0, amps: 32 }]],
      ['CP-2', [{ atOffsetS: 0, amps: 12 }]],
    ]);
  });
});

describe('planning a site with a session that draws more than its profile allows', () => {
  /** The stations, with `sessionId` drawing `perPhaseA` on its station's phases. */
  function drawing(sessionId: string, perPhaseA: Partial<Record<'L1' | 'L2' | 'L3', number>>, all = stations()) {
    const [stationId, evseId] = sessionId.split('/');
    const state = all.get(stationId ?? '');
    const session = state?.sessions.get(Number(evseId));
    if (state === undefined || session === undefined) throw new Error(`no session ${sessionId}`);
    all.set(state.stationId, { ...state, sessions: new Map([...state.sessions, [session.evseId, { ...session, drawnA: perPhaseA, drawnAt: now }]]) });
    return all;
  }
  const eightOver = { heldToA: 16, excessA: { L1: 8, L2: 8, L3: 8 } };
  const plan = (inputs: ReturnType<typeof sessionInputs>) => allocationTimeline(site(), inputs, { now, horizonMs: 86_400_000, maxSteps: 24 })[0];

  it('counts its excess over its offer as a fixed load on its grid phases: the others get less and the site still holds', () => {
    const inputs = sessionInputs(site(), drawing('CP-1/1', { L1: 24, L2: 24, L3: 24 }), new Map([['CP-1/1', 16], ['CP-2/1', 16]]), new Map(), new Map([['CP-1/1', eightOver]]));
    expect(inputs.fixedLoads).toEqual([{ nodeId: 'C1-1', perPhaseA: [8, 8, 8] }]);
    const step = plan(inputs);
    // The grid's L2 carries both sessions and the 8 A excess: 32 - 8 = 24 shared.
    expect([...step?.allocation.currents ?? []]).toEqual([
      ['CP-1/1', 12],
      ['CP-2/1', 12],
    ]);
    // The root's load counts the excess: once both follow their profiles (CP-1 still 8 A over), L2 carries exactly its 32 A.
    expect(step?.allocation.nodeLoad.get('root')?.perPhaseA).toEqual([20, 32, 20]);
  });

  it('caps the overdrawing session at its offer: it gains nothing from the headroom it is given back', () => {
    const alone = drawing('CP-1/1', { L1: 24, L2: 24, L3: 24 });
    alone.set('CP-2', station('CP-2', []));
    expect(plan(sessionInputs(site(), alone, new Map([['CP-1/1', 16]])))?.allocation.currents.get('CP-1/1')).toBe(32);
    const inputs = sessionInputs(site(), alone, new Map([['CP-1/1', 16]]), new Map(), new Map([['CP-1/1', eightOver]]));
    expect(plan(inputs)?.allocation.currents.get('CP-1/1')).toBe(16);
    expect(inputs.sessions[0]?.overdraw).toEqual({ heldToA: 16, excessA: [8, 8, 8] });
  });

  it('counts the excess as judged, not the draw of the moment: a station still ramping down to a lower offer is not counted twice', () => {
    // Offered 12 A since its excess was judged at 16 A, it still draws 24 A while it follows.
    const inputs = sessionInputs(site(), drawing('CP-1/1', { L1: 24, L2: 24, L3: 24 }), new Map([['CP-1/1', 12]]), new Map(), new Map([['CP-1/1', eightOver]]));
    expect(inputs.fixedLoads).toEqual([{ nodeId: 'C1-1', perPhaseA: [8, 8, 8] }]);
    expect([...plan(inputs)?.allocation.currents ?? []]).toEqual([
      ['CP-1/1', 12],
      ['CP-2/1', 12],
    ]);
  });

  it('puts the excess of a rotated charger on the grid phase its station phase is wired to', () => {
    const inputs = sessionInputs(site(), drawing('CP-2/1', { L1: 22 }), new Map(), new Map(), new Map([['CP-2/1', { heldToA: 16, excessA: { L1: 6 } }]]));
    // CP-2's L1 is the grid's L2.
    expect(inputs.fixedLoads).toEqual([{ nodeId: 'C2-1', perPhaseA: [0, 6, 0] }]);
    expect([...plan(inputs)?.allocation.currents ?? []]).toEqual([
      ['CP-1/1', 13],
      ['CP-2/1', 13],
    ]);
  });

  it('plans as usual once the session complies (no open deviation)', () => {
    const inputs = sessionInputs(site(), drawing('CP-1/1', { L1: 12, L2: 12, L3: 12 }), new Map([['CP-1/1', 12]]));
    expect(inputs.fixedLoads).toEqual([]);
    expect([...plan(inputs)?.allocation.currents ?? []]).toEqual([
      ['CP-1/1', 16],
      ['CP-2/1', 16],
    ]);
  });
});
