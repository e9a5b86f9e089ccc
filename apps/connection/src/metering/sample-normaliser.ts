import { ENERGY_REGISTER, type MeterReading, type MeterSample, type SampledReading } from './meter-sample';

/** Units with a prefix or a misspelling, and what they become: the value is multiplied by the factor. */
const UNIT_SCALES: Readonly<Record<string, { unit: string; factor: number }>> = {
  kWh: { unit: 'Wh', factor: 1000 },
  kW: { unit: 'W', factor: 1000 },
  kvarh: { unit: 'varh', factor: 1000 },
  kvar: { unit: 'var', factor: 1000 },
  kVA: { unit: 'VA', factor: 1000 },
  // The 1.6 schemas spell it "Celcius" (and later also "Celsius").
  Celcius: { unit: 'Celsius', factor: 1 },
};

/**
 * Both specifications give "Wh" as the default unit, which only makes sense for the default
 * measurand (the energy register); a sample of another measurand without a unit is read in
 * that measurand's base unit.
 */
function defaultUnit(measurand: string): string {
  if (measurand.startsWith('Energy.Reactive')) return 'varh';
  if (measurand.startsWith('Energy')) return 'Wh';
  if (measurand.startsWith('Power.Reactive')) return 'var';
  if (measurand === 'Power.Factor') return '';
  if (measurand.startsWith('Power')) return 'W';
  if (measurand.startsWith('Current')) return 'A';
  const units: Record<string, string> = { Voltage: 'V', SoC: 'Percent', Frequency: 'Hz', Temperature: 'Celsius', RPM: 'RPM' };
  return units[measurand] ?? '';
}

/** A decimal number as 1.6 sends it in a string ("1234.5", "-3", "1e3"); not hex, not empty. */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function numberOf(value: string | number): number {
  if (typeof value === 'number') return value;
  return DECIMAL.test(value) ? Number(value) : Number.NaN;
}

/** "L1-N", "L2-N", "L3-N": a line measured against the neutral conductor. */
const LINE_TO_NEUTRAL = /^(L[123])-N$/;

/**
 * The phase in one spelling for per-line quantities. A current (and the power and energy that
 * flow with it) is carried by one conductor, so "L1-N" can only mean line L1: stations of both
 * versions send it either way, and smart charging reads the draw per line (L1, L2, L3). A voltage
 * is measured between two points, so "L1-N" and "L1-L2" stay apart and are kept as sent.
 */
export function normalisePhase(measurand: string, phase: string | undefined): string {
  if (phase === undefined) return '';
  if (measurand === 'Voltage') return phase;
  return LINE_TO_NEUTRAL.exec(phase)?.[1] ?? phase;
}

export type NormalisedReading = { ok: true; sample: MeterSample } | { ok: false; reason: string };

/**
 * Reads one sampled value into the normalised model: the spec defaults filled in (measurand
 * Energy.Active.Import.Register, context Sample.Periodic, location Outlet), the 2.0.1 multiplier
 * applied, kilo units scaled down (kWh → Wh, kW → W, ...) and per-line phases spelled one way
 * (normalisePhase). A value that is not a finite
 * number (e.g. 1.6 SignedData) is refused.
 */
export function normaliseReading(at: Date, reading: SampledReading): NormalisedReading {
  const raw = numberOf(reading.value);
  if (!Number.isFinite(raw)) return { ok: false, reason: `value "${String(reading.value).slice(0, 40)}" is not a number` };
  const measurand = reading.measurand ?? ENERGY_REGISTER;
  const given = reading.unit ?? defaultUnit(measurand);
  const scale = UNIT_SCALES[given] ?? { unit: given, factor: 1 };
  const multiplied = raw * 10 ** (reading.multiplier ?? 0) * scale.factor;
  // Scaling by powers of ten leaves binary noise (0.1 kWh → 100.00000000000001 Wh); 9 decimals are below any meter's resolution.
  const value = Number(multiplied.toFixed(9));
  return {
    ok: true,
    sample: {
      at,
      measurand,
      phase: normalisePhase(measurand, reading.phase),
      location: reading.location ?? 'Outlet',
      context: reading.context ?? 'Sample.Periodic',
      value,
      unit: scale.unit,
    },
  };
}

export interface NormalisedMeterValues {
  samples: MeterSample[];
  refused: string[];
}

/** Normalises every reading of every meterValue; what cannot be read is listed, not stored. */
export function normaliseMeterValues(meterValues: readonly MeterReading[]): NormalisedMeterValues {
  const samples: MeterSample[] = [];
  const refused: string[] = [];
  for (const meterValue of meterValues) {
    for (const reading of meterValue.readings) {
      const normalised = normaliseReading(meterValue.at, reading);
      if (normalised.ok) samples.push(normalised.sample);
      else refused.push(normalised.reason);
    }
  }
  return { samples, refused };
}

/** The total active-energy register of the first (or last) meterValue that carries one, in Wh. */
export function energyRegister(samples: readonly MeterSample[], which: 'first' | 'last'): number | undefined {
  const registers = samples.filter((sample) => sample.measurand === ENERGY_REGISTER && sample.phase === '' && sample.unit === 'Wh');
  const sorted = [...registers].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (which === 'first' ? sorted[0] : sorted[sorted.length - 1])?.value;
}

/** The identity of a sample in `connection.meter_sample`: the same measurement twice is one row. */
export function sampleKey(evseId: number, sample: MeterSample): string {
  return JSON.stringify([evseId, sample.at.toISOString(), sample.measurand, sample.phase, sample.location, sample.context]);
}
