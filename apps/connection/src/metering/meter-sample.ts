/** One sampled value as a station sent it, version-neutral (1.6 sends strings, 2.0.1 numbers). */
export interface SampledReading {
  value: string | number;
  measurand: string | undefined;
  phase: string | undefined;
  location: string | undefined;
  context: string | undefined;
  unit: string | undefined;
  /** 2.0.1 unitOfMeasure.multiplier: the value is value × 10^multiplier. */
  multiplier: number | undefined;
}

/** One meterValue element: readings taken at one time. */
export interface MeterReading {
  at: Date;
  readings: SampledReading[];
}

/** A normalised sample: energy in Wh, power in W, current in A, voltage in V, SoC in Percent. */
export interface MeterSample {
  at: Date;
  measurand: string;
  /** L1, L2, L3, N, L1-N, ...; empty for the total. */
  phase: string;
  location: string;
  context: string;
  value: number;
  unit: string;
}

/** The register the transactions' start and stop energy is read from. */
export const ENERGY_REGISTER = 'Energy.Active.Import.Register';
