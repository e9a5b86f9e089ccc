import { type ChargingRate, NOMINAL_VOLTAGE_V } from '../smart-charging/charging-rate';

/**
 * IEC 61851-1: the control pilot cannot offer less than 6 A, so an EV whose allowed current falls
 * below it stops drawing (the EVSE suspends it) rather than drawing a little.
 */
export const IEC_61851_MIN_CURRENT_A = 6;

/** The simulated car: how much current per phase it draws at most, on how many phases, and what it wants. */
export interface Vehicle {
  readonly maxCurrentA: number;
  /** 1 (uses the station's L1), 2 or 3. */
  readonly phases: number;
  /** Below this current per phase the EV is paused (draws nothing); default 6 A (IEC 61851). */
  readonly minCurrentA?: number;
  /**
   * Energy the EV wants this session, Wh: once delivered it stops drawing (SuspendedEV, battery
   * full). Set, it also makes a 2.0.1 station announce the EV's needs (ISO 15118
   * NotifyEVChargingNeeds) when the transaction starts. Unset: the EV never fills up.
   */
  readonly energyNeedWh?: number;
  /** When the driver means to leave (epoch ms), announced with the needs; the test still unplugs the EV. */
  readonly departureAt?: number;
  /** The EV's maximum voltage, announced with the needs; default 400 V for 3 phases, 230 V otherwise. */
  readonly maxVoltageV?: number;
}

/** What flows right now. */
export interface PowerDraw {
  readonly watts: number;
  /** Amperes on each phase in use. */
  readonly ampsPerPhase: number;
  readonly phases: number;
  readonly voltageV: number;
  /** Why nothing flows although an EV is plugged in: it is full (EV) or its limit is below its minimum (EVSE). */
  readonly suspended?: 'EV' | 'EVSE';
}

export function noDraw(phases: number, suspended?: 'EV' | 'EVSE'): PowerDraw {
  const draw = { watts: 0, ampsPerPhase: 0, phases, voltageV: NOMINAL_VOLTAGE_V };
  return suspended === undefined ? draw : { ...draw, suspended };
}

/**
 * The power a vehicle draws under the limits in force (the station's hardware and the composite of
 * its profiles): the car's maximum, cut down to every limit. A limit in A caps the current per
 * phase; a limit in W caps the total over the phases in use. Every limit's numberPhases caps the
 * phases the car may use. Nothing flows once the car has what it wanted (`deliveredWh` this
 * session), or when the current left is below the car's minimum.
 */
export function deliveredPower(vehicle: Vehicle, limits: readonly ChargingRate[], deliveredWh = 0): PowerDraw {
  const phases = Math.max(1, Math.min(vehicle.phases, ...limits.map((limit) => limit.numberPhases)));
  if (vehicle.energyNeedWh !== undefined && deliveredWh >= vehicle.energyNeedWh) return noDraw(phases, 'EV');
  const caps = limits.map((limit) => (limit.unit === 'A' ? limit.limit : limit.limit / (NOMINAL_VOLTAGE_V * phases)));
  const ampsPerPhase = Math.max(0, Math.min(vehicle.maxCurrentA, ...caps));
  if (ampsPerPhase < (vehicle.minCurrentA ?? IEC_61851_MIN_CURRENT_A)) return noDraw(phases, 'EVSE');
  return { watts: ampsPerPhase * NOMINAL_VOLTAGE_V * phases, ampsPerPhase, phases, voltageV: NOMINAL_VOLTAGE_V };
}

/** Energy (Wh) delivered by `draw` over `elapsedMs`. */
export function energyOver(draw: PowerDraw, elapsedMs: number): number {
  return (draw.watts * Math.max(0, elapsedMs)) / 3_600_000;
}
