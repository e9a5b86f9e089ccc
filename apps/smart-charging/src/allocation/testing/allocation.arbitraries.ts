import fc from 'fast-check';
import type { AllocationInput, AllocationNode, AllocationSession, FixedLoad, GridPhase, Limit } from '../allocation.types';
import type { FailSafeEvse, FailSafeInput } from '../fail-safe';

/**
 * Random sites for the property tests: trees of 1 to 4 levels with random fan-out and limits (per
 * phase and/or total W, some missing, some tight enough to pause sessions), chargers wired with
 * rotations, 1-, 2- and 3-phase sessions with random minimums, maxima, priorities, measured draws,
 * energy needs and departures, and fixed loads. Everything refers to nodes by position, mapped to
 * ids afterwards, so that fast-check shrinks a failure to a small site.
 */

export const now = Date.UTC(2025, 0, 1, 12);
const hour = 3_600_000;
const maxDepth = 3;
const rotations: GridPhase[][] = [
  ['L1', 'L2', 'L3'],
  ['L2', 'L3', 'L1'],
  ['L3', 'L1', 'L2'],
];

/** A current in [min, max] A: mostly whole or tenths of amperes, sometimes any double (to exercise rounding). */
const amperes = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: min * 10, max: max * 10 }).map((tenths) => tenths / 10), weight: 3 },
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: 1 },
  );
const phaseLimit = fc.oneof({ arbitrary: amperes(16, 250), weight: 6 }, { arbitrary: amperes(0, 16), weight: 1 }, { arbitrary: fc.constant(Number.POSITIVE_INFINITY), weight: 2 });
const limit: fc.Arbitrary<Limit> = fc.oneof(
  fc.record({ perPhaseA: fc.tuple(phaseLimit, phaseLimit, phaseLimit) }),
  fc.record({ totalW: amperes(1, 400).map((phaseAmperes) => phaseAmperes * 230) }),
  fc.record({ perPhaseA: fc.tuple(phaseLimit, phaseLimit, phaseLimit), totalW: amperes(1, 400).map((phaseAmperes) => phaseAmperes * 230) }),
);
const node = fc.record({ parentPick: fc.nat(), limit: fc.option(limit, { nil: undefined, freq: 3 }) });

/** Optional field: present or absent (never `undefined` written out). */
function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined });
}

const session = fc
  .record({
    nodePick: fc.nat(),
    phaseCount: fc.constantFrom(1, 1, 2, 3, 3, 3),
    rotation: fc.constantFrom(0, 1, 2),
    minA: maybe(fc.integer({ min: 1, max: 16 })),
    extraA: fc.integer({ min: 0, max: 570 }).map((tenths) => tenths / 10),
    priority: maybe(fc.integer({ min: 0, max: 2 })),
    drawnShare: maybe(amperes(0, 1)),
    offeredShare: maybe(amperes(0, 1)),
    needWh: maybe(fc.integer({ min: 0, max: 80_000 })),
    departureMinutes: maybe(fc.integer({ min: -60, max: 600 })),
    startedMinutes: maybe(fc.integer({ min: 0, max: 5 })),
  })
  .map(({ extraA, drawnShare, offeredShare, departureMinutes, startedMinutes, ...rest }) => {
    const maxA = Math.min(63, (rest.minA ?? 6) + extraA);
    return { ...rest, maxA, drawnA: drawnShare === undefined ? undefined : drawnShare * maxA, offeredA: offeredShare === undefined ? undefined : offeredShare * maxA, departureMinutes, startedMinutes };
  });

const fixedLoad = fc.record({ nodePick: fc.nat(), perPhaseA: fc.tuple(amperes(0, 16), amperes(0, 16), amperes(0, 16)) });

export const allocationInput: fc.Arbitrary<AllocationInput> = fc
  .record({
    root: fc.option(limit, { nil: undefined, freq: 4 }),
    nodes: fc.array(node, { maxLength: 20 }),
    sessions: fc.array(session, { maxLength: 25, size: 'medium' }),
    fixedLoads: fc.array(fixedLoad, { maxLength: 2 }),
    voltage: fc.constantFrom(230, 230, 240, 120),
    surplusMarginA: maybe(amperes(0, 3)),
  })
  .map(({ root, nodes, sessions, fixedLoads, voltage, surplusMarginA }) => {
    const tree = buildTree(root, nodes);
    const idAt = (pick: number) => tree[pick % tree.length].id;
    return withoutUndefined({
      nodes: tree,
      sessions: sessions.map((entry, index) => toSession(entry, `s${index}`, idAt(entry.nodePick))),
      fixedLoads: fixedLoads.map(({ nodePick, perPhaseA }): FixedLoad => ({ nodeId: idAt(nodePick), perPhaseA })),
      voltage,
      now,
      surplusMarginA,
    });
  });

/** Node i hangs off a random earlier node that is less than `maxDepth` deep: any shape of 1 to 4 levels. */
function buildTree(root: Limit | undefined, nodes: readonly { parentPick: number; limit?: Limit }[]): AllocationNode[] {
  const tree: AllocationNode[] = [withoutUndefined({ id: 'site', limit: root })];
  const depth = [0];
  nodes.forEach(({ parentPick, limit: nodeLimit }, index) => {
    const candidates = depth.flatMap((level, at) => (level < maxDepth ? [at] : []));
    const parent = candidates[parentPick % candidates.length];
    tree.push(withoutUndefined({ id: `n${index + 1}`, parentId: tree[parent].id, limit: nodeLimit }));
    depth.push(depth[parent] + 1);
  });
  return tree;
}

type SessionDraw = typeof session extends fc.Arbitrary<infer Draw> ? Draw : never;

function toSession(entry: SessionDraw, id: string, nodeId: string): AllocationSession {
  return withoutUndefined({
    id,
    nodeId,
    gridPhases: rotations[entry.rotation].slice(0, entry.phaseCount),
    minA: entry.minA,
    maxA: entry.maxA,
    priority: entry.priority,
    drawnA: entry.drawnA,
    offeredA: entry.offeredA,
    needWh: entry.needWh,
    departure: entry.departureMinutes === undefined ? undefined : now + entry.departureMinutes * 60_000,
    startedAt: entry.startedMinutes === undefined ? undefined : now - entry.startedMinutes * hour,
  });
}

/** The same object without its undefined fields, as a decoder would produce it. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * Random fail-safe inputs on the same random sites: an EVSE wherever a session hangs (3-phase
 * unless its EV is single-phase, as the worst case), a charger above each EVSE that has a parent.
 */
export const failSafeInput: fc.Arbitrary<FailSafeInput> = fc.tuple(allocationInput, fc.array(fc.integer({ min: 6, max: 63 }), { minLength: 1 })).map(([input, ratings]) => {
  const evses = new Map<string, FailSafeEvse>();
  for (const session of input.sessions) {
    const gridPhases = session.gridPhases.length === 1 ? session.gridPhases : rotations[0];
    evses.set(session.nodeId, withoutUndefined({ nodeId: session.nodeId, gridPhases, minA: session.minA, maxA: session.maxA }));
  }
  const parentOf = new Map(input.nodes.map((node) => [node.id, node.parentId]));
  const chargerIds = new Set([...evses.keys()].flatMap((nodeId) => parentOf.get(nodeId) ?? []));
  const chargers = [...chargerIds].map((nodeId, index) => ({ nodeId, gridPhases: rotations[index % 3], ratingA: ratings[index % ratings.length] }));
  return { nodes: input.nodes, evses: [...evses.values()], chargers, fixedLoads: input.fixedLoads, voltage: input.voltage };
});
