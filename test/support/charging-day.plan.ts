import type { GridPhase, PhaseTriple } from '@app/smart-charging/allocation';
import type { OcppVersion } from '@app/ocpp';
import type { Vehicle } from '@app/simulator';
import type { Json } from './operator-api-client';

/**
 * A compressed charging day for one site, decided up front from a seed: the topology (feeders,
 * chargers with their phase rotation and OCPP version), the grid operator's limit slots and every
 * EV's arrival, departure and car. Times are seconds from the day's start.
 */
export interface ChargerPlan {
  stationId: string;
  feederId: string;
  version: OcppVersion;
  /** Grid phase of the charger's L1, L2, L3. */
  wiring: [GridPhase, GridPhase, GridPhase];
}

export interface VisitPlan {
  stationId: string;
  evseId: number;
  arriveS: number;
  leaveS: number;
  vehicle: Vehicle;
}

export interface LimitSlotPlan {
  startS: number;
  durationS: number;
  perPhaseA: PhaseTriple;
}

export interface ChargingDayPlan {
  seed: number;
  siteId: string;
  siteLimitA: PhaseTriple;
  feederLimitsA: ReadonlyMap<string, PhaseTriple>;
  chargers: ChargerPlan[];
  evsesPerCharger: number;
  evseMaxA: number;
  /** What the grid operator allows at the connection, slot by slot, and outside every slot. */
  gridSlots: LimitSlotPlan[];
  gridDefaultA: PhaseTriple;
  visits: VisitPlan[];
  lengthS: number;
}

/** mulberry32: small, fast and the same on every machine for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROTATIONS: [GridPhase, GridPhase, GridPhase][] = [
  ['L1', 'L2', 'L3'],
  ['L2', 'L3', 'L1'],
  ['L3', 'L1', 'L2'],
];

export interface DayShape {
  seed: number;
  siteId: string;
  chargers: number;
  evsesPerCharger: number;
  lengthS: number;
  slotS: number;
}

/**
 * Feeders and the site bind in turn: the feeders' sum is above the site's limit in most slots,
 * one slot leaves the site unconstrained, and the demand of the EVs present is above all of them
 * most of the day (while some sessions' cars take less than the EVSE could give).
 */
export function chargingDayPlan(shape: DayShape): ChargingDayPlan {
  const random = seededRandom(shape.seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const feeders = ['F1', 'F2', 'F3'];
  const chargers: ChargerPlan[] = Array.from({ length: shape.chargers }, (_, index) => ({
    stationId: `${shape.siteId}-${String(index + 1).padStart(2, '0')}`,
    feederId: feeders[Math.floor((index * feeders.length) / shape.chargers)] ?? 'F3',
    version: index % 2 === 0 ? '1.6' : '2.0.1',
    wiring: ROTATIONS[index % ROTATIONS.length] ?? ['L1', 'L2', 'L3'],
  }));
  const slotValues: PhaseTriple[] = [
    [400, 380, 420],
    [260, 300, 240],
    [180, 200, 170],
    [600, 600, 600],
    [220, 200, 240],
    [320, 300, 280],
    [240, 260, 250],
    [300, 300, 300],
  ];
  const gridSlots = slotValues.map((perPhaseA, index) => ({ startS: index * shape.slotS, durationS: shape.slotS, perPhaseA }));
  const visits: VisitPlan[] = [];
  const carCurrents = [16, 20, 32, 32];
  for (const charger of chargers) {
    for (let evseId = 1; evseId <= shape.evsesPerCharger; evseId++) {
      for (let at = between(0, 30); at < shape.lengthS - 5; ) {
        const leave = Math.min(shape.lengthS - 2, at + between(30, 90));
        const phases = random() < 0.35 ? 1 : 3;
        const maxCurrentA = carCurrents[Math.floor(random() * carCurrents.length)] ?? 32;
        const announces = charger.version === '2.0.1' && random() < 0.5;
        const vehicle: Vehicle = announces ? { phases, maxCurrentA, energyNeedWh: 80_000 } : { phases, maxCurrentA };
        visits.push({ stationId: charger.stationId, evseId, arriveS: round(at), leaveS: round(leave), vehicle });
        at = leave + between(10, 50);
      }
    }
  }
  return {
    seed: shape.seed,
    siteId: shape.siteId,
    siteLimitA: [450, 450, 450],
    feederLimitsA: new Map<string, PhaseTriple>([
      ['F1', [170, 150, 160]],
      ['F2', [150, 170, 160]],
      ['F3', [160, 160, 150]],
    ]),
    chargers,
    evsesPerCharger: shape.evsesPerCharger,
    evseMaxA: 32,
    gridSlots,
    gridDefaultA: [200, 200, 200],
    visits,
    lengthS: shape.lengthS,
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

/** The site as one POST /api/sites body. */
export function siteBody(plan: ChargingDayPlan): Json {
  return {
    siteId: plan.siteId,
    name: `Charging day ${plan.siteId}`,
    limit: { perPhaseA: plan.siteLimitA },
    children: [...plan.feederLimitsA].map(([feederId, perPhaseA]) => ({
      kind: 'feeder',
      nodeId: feederId,
      limit: { perPhaseA },
      children: plan.chargers
        .filter((charger) => charger.feederId === feederId)
        .map((charger) => ({
          kind: 'charger',
          stationId: charger.stationId,
          wiring: charger.wiring,
          rating: { maxA: plan.evseMaxA, phases: 3 },
          children: Array.from({ length: plan.evsesPerCharger }, (_, index) => ({ kind: 'evse', evseId: index + 1, maxA: plan.evseMaxA, phases: 3 })),
        })),
    })),
  };
}

/** The grid operator's schedule for the site's connection, the day starting at `dayStart` (epoch ms, a whole second). */
export function gridScheduleBody(plan: ChargingDayPlan, dayStart: number): Json {
  return {
    default: { perPhaseA: plan.gridDefaultA },
    slots: plan.gridSlots.map((slot) => ({ start: new Date(dayStart + slot.startS * 1000).toISOString(), durationS: slot.durationS, perPhaseA: slot.perPhaseA })),
  };
}
