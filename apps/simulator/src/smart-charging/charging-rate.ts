import type { RateUnit } from './charging-profile';

/** OCPP converts between amperes and watts at a nominal 230 V per phase. */
export const NOMINAL_VOLTAGE_V = 230;

/** OCPP: when a period names no numberPhases, three are assumed. */
export const DEFAULT_NUMBER_PHASES = 3;

/** A limit in its own unit: amperes per phase (A) or watts over all phases (W). */
export interface ChargingRate {
  readonly unit: RateUnit;
  readonly limit: number;
  readonly numberPhases: number;
}

export function wattsOf(rate: ChargingRate): number {
  return rate.unit === 'W' ? rate.limit : rate.limit * NOMINAL_VOLTAGE_V * rate.numberPhases;
}

/** Amperes per phase. */
export function ampsOf(rate: ChargingRate): number {
  return rate.unit === 'A' ? rate.limit : rate.limit / (NOMINAL_VOLTAGE_V * rate.numberPhases);
}

/** The rate expressed in `unit`, keeping its phase count. */
export function valueIn(rate: ChargingRate, unit: RateUnit): number {
  return unit === 'W' ? wattsOf(rate) : ampsOf(rate);
}

/** The lower of two rates, compared in watts; ties keep the first. */
export function lowerOf<T extends ChargingRate>(first: T, second: T): T {
  return wattsOf(second) < wattsOf(first) ? second : first;
}

/** OCPP limits carry at most one decimal. */
export function roundLimit(value: number): number {
  return Math.round(value * 10) / 10;
}
