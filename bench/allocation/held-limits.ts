import { type ChargingRate, NOMINAL_VOLTAGE_V, type SimulatedStation } from '@app/simulator';

/** The limit in force on EVSE 1 as the station itself computes it (hardware capped by its composite), in A per phase. */
export function heldA(station: SimulatedStation): number {
  return ampsOf(station.limitOn(1));
}

function ampsOf(rate: ChargingRate): number {
  const amps = rate.unit === 'A' ? rate.limit : rate.limit / (NOMINAL_VOLTAGE_V * rate.numberPhases);
  return Math.round(amps * 100) / 100;
}

/** Tenths of an ampere: profiles carry one decimal, a W profile rounds down to whole watts. */
const TOLERANCE_A = 0.05;

/**
 * Whether a station holds a limit consistent with `targetA`: not above it, and not further below
 * it than the service's hysteresis lets an increase wait (under 1 A or 5% is not resent; see
 * dispatch/profile-change.ts). The benchmark's rounds move by 4 A or more, so within a round only
 * the new profile satisfies this.
 */
export function holds(heldAmps: number, targetA: number): boolean {
  return heldAmps <= targetA + TOLERANCE_A && heldAmps >= targetA - Math.max(1, targetA * 0.05) - TOLERANCE_A;
}

export interface RoundArrivals {
  /** Per station that had to change: ms from the start of the round until it held its target. */
  latenciesMs: number[];
  /** The three that took longest, for a look at what held them up. */
  slowest: { stationId: string; version: string; ms: number }[];
  /** Stations that already held their target when the round began. */
  unaffected: number;
  /** Stations that did not hold their target when the wait ended. */
  missing: { stationId: string; heldA: number; targetA: number }[];
}

/**
 * Watches what every station holds: each time a station is sent a profile, its limit is read
 * back from the station's own composite, and the first moment it matches the round's target is
 * the moment that station "holds its new profile".
 */
export class HeldLimitWatch {
  private round: { startedAt: number; targets: Map<string, number>; waiting: Set<string>; arrived: Map<string, number>; done: () => void } | undefined;

  constructor(private readonly stations: readonly SimulatedStation[]) {
    // A station holds a profile from the moment it stores it, just before it answers: `callReceived`
    // fires then, whereas `profilesChanged` waits for a 2.0.1 station's ChargingRateChanged report.
    for (const station of stations) {
      station.events.on('callReceived', ({ action }) => {
        if (action === 'SetChargingProfile' || action === 'ClearChargingProfile') this.changed(station);
      });
    }
  }

  /** Stations whose held limit is not consistent with their target now. */
  notHolding(targetOf: (stationId: string) => number): SimulatedStation[] {
    return this.stations.filter((station) => !holds(heldA(station), targetOf(station.id)));
  }

  /**
   * Starts a round at `startedAt` (performance.now(), taken before the change was asked for):
   * resolves once every station holds its target, or after `timeoutMs` with those that do not listed.
   */
  async measure(startedAt: number, targetOf: (stationId: string) => number, timeoutMs: number): Promise<RoundArrivals> {
    const targets = new Map(this.stations.map((station) => [station.id, targetOf(station.id)]));
    const waiting = new Set(this.notHolding(targetOf).map((station) => station.id));
    const unaffected = this.stations.length - waiting.size;
    const arrived = new Map<string, number>();
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.round = { startedAt, targets, waiting, arrived, done };
      timer = setTimeout(done, timeoutMs);
      if (waiting.size === 0) done();
    });
    this.round = undefined;
    const missing = [...waiting].map((stationId) => {
      const station = this.stations.find((candidate) => candidate.id === stationId);
      return { stationId, heldA: station ? heldA(station) : Number.NaN, targetA: targets.get(stationId) ?? Number.NaN };
    });
    const slowest = [...arrived]
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([stationId, ms]) => ({ stationId, version: this.stations.find((station) => station.id === stationId)?.version ?? '?', ms: Math.round(ms) }));
    return { latenciesMs: [...arrived.values()], slowest, unaffected, missing };
  }

  private changed(station: SimulatedStation): void {
    const round = this.round;
    if (round === undefined || !round.waiting.has(station.id)) return;
    const target = round.targets.get(station.id) ?? Number.NaN;
    if (!holds(heldA(station), target)) return;
    round.arrived.set(station.id, performance.now() - round.startedAt);
    round.waiting.delete(station.id);
    if (round.waiting.size === 0) round.done();
  }
}
