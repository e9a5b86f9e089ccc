import { type ChargingRate, NOMINAL_VOLTAGE_V, ampsOf, wattsOf } from '../smart-charging/charging-rate';

/** The simulated car: how much current per phase it draws at most, on how many phases. */
export interface Vehicle {
  readonly maxCurrentA: number;
  readonly phases: number;
}

/** What flows right now. */
export interface PowerDraw {
  readonly watts: number;
  /** Amperes on each phase in use. */
  readonly ampsPerPhase: number;
  readonly phases: number;
  readonly voltageV: number;
}

/**
 * The power a vehicle draws under a limit (the composite of the station's profiles and its
 * hardware): the car's maximum, cut down to the limit. A limit in A caps the current per phase;
 * a limit in W caps the total. A period's numberPhases caps the phases the car may use.
 */
export function deliveredPower(vehicle: Vehicle, limit: ChargingRate): PowerDraw {
  const phases = Math.max(1, Math.min(vehicle.phases, limit.numberPhases));
  const perPhaseCap = limit.unit === 'A' ? ampsOf(limit) : wattsOf(limit) / (NOMINAL_VOLTAGE_V * phases);
  const ampsPerPhase = Math.max(0, Math.min(vehicle.maxCurrentA, perPhaseCap));
  return { watts: ampsPerPhase * NOMINAL_VOLTAGE_V * phases, ampsPerPhase, phases, voltageV: NOMINAL_VOLTAGE_V };
}

/** Energy (Wh) delivered by `draw` over `elapsedMs`. */
export function energyOver(draw: PowerDraw, elapsedMs: number): number {
  return (draw.watts * Math.max(0, elapsedMs)) / 3_600_000;
}
