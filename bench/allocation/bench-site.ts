import type { AllocationInput, AllocationNode, AllocationSession, FixedLoad, GridPhase } from '@app/smart-charging/allocation';

/** A 4-level site below its root: site → 10 feeders → 10 cabinets each → chargers → 2 EVSEs each. */
export interface BenchSiteOptions {
  evses: number;
  seed: number;
}

const feeders = 10;
const cabinetsPerFeeder = 10;
const evsesPerCharger = 2;
const rotations: GridPhase[][] = [
  ['L1', 'L2', 'L3'],
  ['L2', 'L3', 'L1'],
  ['L3', 'L1', 'L2'],
];

/** A seeded generator (mulberry32), so every run allocates the same site. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The site and one active session per EVSE: mostly 3-phase, some 1- and 2-phase EVs on rotated
 * chargers, a few priorities, minimums and maxima, measured draws (some well below their offer),
 * energy needs, and unmanaged loads on some cabinets. Limits are sized so that every level binds
 * somewhere: EVSE 32 A, charger 32 A for its two EVSEs, cabinets and feeders per phase and in W.
 */
export function benchSite({ evses, seed }: BenchSiteOptions): AllocationInput {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const cabinets = feeders * cabinetsPerFeeder;
  const chargersPerCabinet = Math.max(1, Math.ceil(evses / cabinets / evsesPerCharger));
  const perCabinetA = chargersPerCabinet * evsesPerCharger * 7;
  const nodes: AllocationNode[] = [{ id: 'site', limit: { perPhaseA: phases(evses * 6.5), totalW: evses * 6 * 3 * 230 } }];
  const sessions: AllocationSession[] = [];
  const fixedLoads: FixedLoad[] = [];
  const now = Date.UTC(2025, 0, 1, 18);
  for (let feeder = 0; feeder < feeders; feeder++) {
    const feederId = `feeder-${feeder}`;
    nodes.push({ id: feederId, parentId: 'site', limit: { perPhaseA: phases(perCabinetA * cabinetsPerFeeder * 0.95) } });
    for (let cabinet = 0; cabinet < cabinetsPerFeeder; cabinet++) {
      const cabinetId = `${feederId}.cabinet-${cabinet}`;
      const cabinetA = perCabinetA * (0.7 + 0.6 * random());
      nodes.push({ id: cabinetId, parentId: feederId, limit: random() < 0.5 ? { perPhaseA: phases(cabinetA) } : { totalW: cabinetA * 3 * 230 } });
      if (random() < 0.3) fixedLoads.push({ nodeId: cabinetId, perPhaseA: [random() * 40, random() * 40, random() * 40] });
      for (let charger = 0; charger < chargersPerCabinet && sessions.length < evses; charger++) {
        const chargerId = `${cabinetId}.charger-${charger}`;
        const wiring = pick(rotations);
        nodes.push({ id: chargerId, parentId: cabinetId, limit: { perPhaseA: phases(32) } });
        for (let evse = 1; evse <= evsesPerCharger && sessions.length < evses; evse++) {
          const evseId = `${chargerId}.evse-${evse}`;
          nodes.push({ id: evseId, parentId: chargerId, limit: { perPhaseA: phases(32) } });
          sessions.push(benchSession(random, pick, evseId, wiring, now));
        }
      }
    }
  }
  return { nodes, sessions, fixedLoads, now };
}

function phases(amperes: number): [number, number, number] {
  return [amperes, amperes, amperes];
}

function benchSession(random: () => number, pick: <T>(values: readonly T[]) => T, nodeId: string, wiring: GridPhase[], now: number): AllocationSession {
  const roll = random();
  const phaseCount = roll < 0.65 ? 3 : roll < 0.95 ? 1 : 2;
  const maxA = pick([16, 32, 32, 32]);
  const session: AllocationSession = {
    id: `tx-${nodeId}`,
    nodeId,
    gridPhases: wiring.slice(0, phaseCount),
    minA: pick([6, 6, 6, 6, 8, 10]),
    maxA,
    priority: pick([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]),
    startedAt: now - Math.floor(random() * 4 * 3_600_000),
  };
  if (random() < 0.2) {
    session.offeredA = 6 + random() * (maxA - 6);
    session.drawnA = random() < 0.5 ? session.offeredA : random() * session.offeredA;
  }
  if (random() < 0.1) {
    session.needWh = random() * 40_000;
    session.departure = now + random() * 8 * 3_600_000;
  }
  return session;
}
