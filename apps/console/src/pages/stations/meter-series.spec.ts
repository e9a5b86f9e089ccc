import { chartTimeLabel, meterPointsOf, meterSummaryOf } from './meter-series';
import type { MeterSample } from './station-types';

const sample = (at: string, measurand: string, value: number, unit: string, phase: string | null = null): MeterSample => ({ at, evseId: 1, measurand, phase, location: null, context: null, value, unit });

describe('meter chart points', () => {
  it('puts power and energy of one instant in one point, in kW and kWh, oldest first', () => {
    const points = meterPointsOf([
      sample('2026-12-06T10:01:00Z', 'Power.Active.Import', 7400, 'W'),
      sample('2026-12-06T10:01:00Z', 'Energy.Active.Import.Register', 1500, 'Wh'),
      sample('2026-12-06T10:00:00Z', 'Energy.Active.Import.Register', 1000, 'Wh'),
      sample('2026-12-06T10:00:00Z', 'Current.Import', 16, 'A'),
    ]);
    expect(points).toEqual([
      { at: Date.parse('2026-12-06T10:00:00Z'), powerKw: null, energyKwh: 1 },
      { at: Date.parse('2026-12-06T10:01:00Z'), powerKw: 7.4, energyKwh: 1.5 },
    ]);
  });

  it('takes the total over the phases, and sums the phases when there is no total', () => {
    const at = '2026-12-06T10:00:00Z';
    expect(meterPointsOf([sample(at, 'Power.Active.Import', 3000, 'W'), sample(at, 'Power.Active.Import', 1000, 'W', 'L1')])[0].powerKw).toBe(3);
    expect(meterPointsOf([sample(at, 'Power.Active.Import', 1000, 'W', 'L1'), sample(at, 'Power.Active.Import', 2000, 'W', 'L2'), sample(at, 'Power.Active.Import', 5, 'W', 'L1-N')])[0].powerKw).toBe(3);
  });

  it('summarises the latest values for the text beside the chart', () => {
    const points = meterPointsOf([sample('2026-12-06T10:00:00Z', 'Power.Active.Import', 11, 'kW'), sample('2026-12-06T10:01:00Z', 'Energy.Active.Import.Register', 2, 'kWh')]);
    expect(meterSummaryOf(points)).toEqual({ count: 2, lastPowerKw: 11, lastEnergyKwh: 2 });
    expect(meterSummaryOf([])).toEqual({ count: 0, lastPowerKw: null, lastEnergyKwh: null });
  });

  it('labels the time axis to the second', () => {
    expect(chartTimeLabel(new Date(2026, 11, 6, 10, 1, 5).getTime())).toBe('10:01:05');
  });
});
