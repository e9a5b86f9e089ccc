import type { MeterSample } from './station-types';

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The chart's time axis label: samples may come every few seconds, so seconds count. */
export function chartTimeLabel(epochMs: number): string {
  return clock.format(new Date(epochMs));
}

/** One point of a transaction's meter chart: power in kW and the energy register in kWh at one sampling instant. */
export interface MeterPoint {
  at: number;
  powerKw: number | null;
  energyKwh: number | null;
}

const POWER = 'Power.Active.Import';
const ENERGY = 'Energy.Active.Import.Register';

/** kW / kWh from the normalised units the API gives (W, Wh; kW, kWh kept just in case a station's unit slipped through). */
function inKilo(sample: MeterSample): number {
  return sample.unit.startsWith('k') ? sample.value : sample.value / 1000;
}

/**
 * The chart's points from a transaction's samples: the totals only (a phase value would double count), one point per
 * sampling instant, oldest first. A sample without a phase is the total; when a station reports phases only, they are summed.
 */
export function meterPointsOf(samples: readonly MeterSample[]): MeterPoint[] {
  const byInstant = new Map<number, { power: { total?: number; phases: number }; energy: { total?: number; phases: number }; hasPowerPhase: boolean; hasEnergyPhase: boolean }>();
  for (const sample of samples) {
    if (sample.measurand !== POWER && sample.measurand !== ENERGY) continue;
    const at = Date.parse(sample.at);
    if (Number.isNaN(at)) continue;
    const slot = byInstant.get(at) ?? { power: { phases: 0 }, energy: { phases: 0 }, hasPowerPhase: false, hasEnergyPhase: false };
    const target = sample.measurand === POWER ? slot.power : slot.energy;
    if (sample.phase === null) target.total = inKilo(sample);
    else if (!sample.phase.includes('-') && sample.phase !== 'N') {
      target.phases += inKilo(sample);
      if (sample.measurand === POWER) slot.hasPowerPhase = true;
      else slot.hasEnergyPhase = true;
    }
    byInstant.set(at, slot);
  }
  return [...byInstant.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, slot]) => ({
      at,
      powerKw: slot.power.total ?? (slot.hasPowerPhase ? slot.power.phases : null),
      energyKwh: slot.energy.total ?? (slot.hasEnergyPhase ? slot.energy.phases : null),
    }));
}

/** The chart's text twin: how many points and the latest power and energy. */
export function meterSummaryOf(points: readonly MeterPoint[]): { count: number; lastPowerKw: number | null; lastEnergyKwh: number | null } {
  const lastPower = [...points].reverse().find((point) => point.powerKw !== null);
  const lastEnergy = [...points].reverse().find((point) => point.energyKwh !== null);
  return { count: points.length, lastPowerKw: lastPower?.powerKw ?? null, lastEnergyKwh: lastEnergy?.energyKwh ?? null };
}
