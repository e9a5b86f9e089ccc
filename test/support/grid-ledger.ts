import { type AllocationNode, type AllocationSession, type GridPhase, type PhaseTriple, allocate } from '@app/smart-charging/allocation';
import type { PowerDraw, Vehicle } from '@app/simulator';
import type { ChargingDayPlan } from './charging-day.plan';

const VOLTAGE = 230;
const PHASE_INDEX: Readonly<Record<GridPhase, number>> = { L1: 0, L2: 1, L3: 2 };
/** Loads and limits are compared to the mA: the stations' profiles carry tenths of an ampere. */
const TOLERANCE_A = 0.001;

/** What one EVSE of the fleet draws at a sampling instant, and the car plugged in (the truth the oracle plans for). */
export interface EvseReading {
  stationId: string;
  evseId: number;
  draw: PowerDraw;
  /** Undefined while no EV is plugged in. */
  vehicle?: Vehicle;
  startedAt?: number;
}

export interface Window {
  from: number;
  to: number;
  why: string;
}

export interface GridSample {
  at: number;
  /** Per node (site and feeders): A per grid phase. */
  load: Map<string, PhaseTriple>;
  limit: Map<string, PhaseTriple>;
  deliveredW: number;
  /** What the allocation engine would give the EVs present, knowing their true cars, under the limits in force. */
  allowedW: number;
  sessions: number;
}

export interface Violation {
  at: number;
  nodeId: string;
  phase: GridPhase;
  loadA: number;
  limitA: number;
}

function inside(at: number, windows: readonly Window[]): boolean {
  return windows.some((window) => at >= window.from && at < window.to);
}

/**
 * The site as the grid sees it, once a second: each station phase's current put on the grid phase
 * its charger is wired to, summed per feeder and for the site, beside the limit in force then and
 * beside what the limits allow (the engine's allocation for the cars actually plugged in).
 */
export class GridLedger {
  readonly samples: GridSample[] = [];
  private readonly chargers: Map<string, ChargingDayPlan['chargers'][number]>;
  private readonly nodeIds: string[];

  constructor(private readonly plan: ChargingDayPlan) {
    this.chargers = new Map(plan.chargers.map((charger) => [charger.stationId, charger]));
    this.nodeIds = [plan.siteId, ...plan.feederLimitsA.keys()];
  }

  record(at: number, readings: readonly EvseReading[], limit: Map<string, PhaseTriple>): GridSample {
    const load = new Map<string, PhaseTriple>(this.nodeIds.map((nodeId) => [nodeId, [0, 0, 0]]));
    let deliveredW = 0;
    for (const reading of readings) {
      const charger = this.charger(reading.stationId);
      deliveredW += reading.draw.watts;
      for (const phase of this.gridPhases(charger.wiring, reading.draw.phases)) {
        for (const nodeId of [this.plan.siteId, charger.feederId]) {
          const triple = load.get(nodeId);
          if (triple) triple[PHASE_INDEX[phase]] += reading.draw.ampsPerPhase;
        }
      }
    }
    const present = readings.filter((reading) => reading.vehicle !== undefined);
    const sample = { at, load, limit, deliveredW, allowedW: this.allowedW(at, present, limit), sessions: present.length };
    this.samples.push(sample);
    return sample;
  }

  /** Every node and phase above its limit at a sample outside `excluded`. */
  violations(excluded: readonly Window[]): Violation[] {
    const found: Violation[] = [];
    for (const sample of this.samples) {
      if (inside(sample.at, excluded)) continue;
      for (const [nodeId, load] of sample.load) {
        const limit = sample.limit.get(nodeId) ?? [Infinity, Infinity, Infinity];
        (['L1', 'L2', 'L3'] as const).forEach((phase, index) => {
          if ((load[index] ?? 0) > (limit[index] ?? Infinity) + TOLERANCE_A) found.push({ at: sample.at, nodeId, phase, loadA: load[index] ?? 0, limitA: limit[index] ?? Infinity });
        });
      }
    }
    return found;
  }

  /** Per node: the least headroom (limit − load, A) over its phases and the samples outside `excluded`. */
  worstMargins(excluded: readonly Window[]): Map<string, number> {
    const margins = new Map<string, number>(this.nodeIds.map((nodeId) => [nodeId, Infinity]));
    for (const sample of this.samples) {
      if (inside(sample.at, excluded)) continue;
      for (const [nodeId, load] of sample.load) {
        const limit = sample.limit.get(nodeId) ?? [Infinity, Infinity, Infinity];
        const least = Math.min(...load.map((amps, index) => (limit[index] ?? Infinity) - amps));
        margins.set(nodeId, Math.min(margins.get(nodeId) ?? Infinity, least));
      }
    }
    return margins;
  }

  /** Energy delivered and energy the limits allowed, Wh, over the samples outside `excluded` (each weighted by the time since the one before). */
  energy(excluded: readonly Window[]): { deliveredWh: number; allowedWh: number; ratio: number; samples: number } {
    let deliveredWh = 0;
    let allowedWh = 0;
    let samples = 0;
    for (let index = 1; index < this.samples.length; index++) {
      const sample = this.samples[index];
      const previous = this.samples[index - 1];
      if (sample === undefined || previous === undefined || inside(sample.at, excluded)) continue;
      const hours = (sample.at - previous.at) / 3_600_000;
      deliveredWh += sample.deliveredW * hours;
      allowedWh += sample.allowedW * hours;
      samples++;
    }
    return { deliveredWh, allowedWh, ratio: allowedWh === 0 ? 1 : deliveredWh / allowedWh, samples };
  }

  private allowedW(at: number, present: readonly EvseReading[], limit: Map<string, PhaseTriple>): number {
    const nodes: AllocationNode[] = [{ id: this.plan.siteId, limit: { perPhaseA: limit.get(this.plan.siteId) } }];
    for (const feederId of this.plan.feederLimitsA.keys()) nodes.push({ id: feederId, parentId: this.plan.siteId, limit: { perPhaseA: limit.get(feederId) } });
    const sessions: AllocationSession[] = [];
    const phasesOf = new Map<string, number>();
    for (const reading of present) {
      const charger = this.charger(reading.stationId);
      const vehicle = reading.vehicle;
      if (vehicle === undefined) continue;
      const id = `${reading.stationId}/${reading.evseId}`;
      const phases = Math.min(3, vehicle.phases);
      phasesOf.set(id, phases);
      sessions.push({
        id,
        nodeId: charger.feederId,
        gridPhases: this.gridPhases(charger.wiring, phases),
        minA: vehicle.minCurrentA ?? 6,
        maxA: Math.min(vehicle.maxCurrentA, this.plan.evseMaxA),
        needWh: vehicle.energyNeedWh,
        departure: vehicle.departureAt,
        startedAt: reading.startedAt,
      });
    }
    const { currents } = allocate({ nodes, sessions, now: at });
    let watts = 0;
    for (const [id, amps] of currents) watts += amps * (phasesOf.get(id) ?? 0) * VOLTAGE;
    return watts;
  }

  private charger(stationId: string): ChargingDayPlan['chargers'][number] {
    const charger = this.chargers.get(stationId);
    if (charger === undefined) throw new Error(`no charger ${stationId} in the plan`);
    return charger;
  }

  /** The grid phases a draw on the station's first `phases` phases lands on. */
  private gridPhases(wiring: readonly GridPhase[], phases: number): GridPhase[] {
    return wiring.slice(0, Math.max(1, Math.min(3, phases)));
  }
}
