import type { MeterSample } from '../station/station-model';

export type ReadingContext = 'Sample.Periodic' | 'Transaction.Begin' | 'Transaction.End' | 'Trigger' | 'Other';

export type Measurand = 'Energy.Active.Import.Register' | 'Power.Active.Import' | 'Current.Import' | 'Voltage';

export type ReadingUnit = 'Wh' | 'W' | 'A' | 'V';

export type ReadingPhase = 'L1' | 'L2' | 'L3' | 'L1-N';

/** One sampled value, version-neutral; dialects write 1.6 strings or 2.0.1 numbers. */
export interface Reading {
  readonly measurand: Measurand;
  readonly value: number;
  readonly unit: ReadingUnit;
  readonly phase?: ReadingPhase;
}

const phaseNames: readonly ReadingPhase[] = ['L1', 'L2', 'L3'];

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/**
 * What a meter value carries: the energy register (Wh, whole), total active power (W), the
 * current on each phase in use (A) and the voltage (V).
 */
export function readingsOf(sample: MeterSample): [Reading, ...Reading[]] {
  const { draw } = sample;
  const currents = phaseNames
    .slice(0, draw.phases)
    .map((phase): Reading => ({ measurand: 'Current.Import', value: round(draw.ampsPerPhase, 1), unit: 'A', phase }));
  return [
    { measurand: 'Energy.Active.Import.Register', value: Math.floor(sample.energyWh), unit: 'Wh' },
    { measurand: 'Power.Active.Import', value: round(draw.watts, 0), unit: 'W' },
    ...currents,
    { measurand: 'Voltage', value: round(draw.voltageV, 1), unit: 'V', phase: 'L1-N' },
  ];
}
