import type { SampledReading } from './meter-sample';
import { energyRegister, normaliseMeterValues, normaliseReading } from './sample-normaliser';

const at = new Date('2025-06-01T12:00:00Z');
const reading = (overrides: Partial<SampledReading>): SampledReading => ({
  value: '0',
  measurand: undefined,
  phase: undefined,
  location: undefined,
  context: undefined,
  unit: undefined,
  multiplier: undefined,
  ...overrides,
});

describe('normaliseReading', () => {
  it.each([
    ['Energy.Active.Import.Register', '12.5', 'kWh', undefined, 12_500, 'Wh'],
    ['Energy.Active.Import.Register', '12500', 'Wh', undefined, 12_500, 'Wh'],
    ['Energy.Active.Import.Register', 0.1, 'kWh', undefined, 100, 'Wh'],
    ['Power.Active.Import', '7.4', 'kW', undefined, 7400, 'W'],
    ['Power.Active.Import', 7400, 'W', undefined, 7400, 'W'],
    ['Power.Reactive.Import', '1.5', 'kvar', undefined, 1500, 'var'],
    ['Energy.Reactive.Import.Register', '2', 'kvarh', undefined, 2000, 'varh'],
    ['Power.Offered', '11', 'kVA', undefined, 11_000, 'VA'],
    ['Current.Import', '16.0', 'A', undefined, 16, 'A'],
    ['Voltage', '230.1', 'V', undefined, 230.1, 'V'],
    ['SoC', '57', 'Percent', undefined, 57, 'Percent'],
    ['Temperature', '31', 'Celcius', undefined, 31, 'Celsius'],
    ['Energy.Active.Import.Register', 1234, 'Wh', 3, 1_234_000, 'Wh'],
    ['Energy.Active.Import.Register', 1234, 'kWh', -3, 1234, 'Wh'],
    ['Power.Active.Import', 22, 'kW', 0, 22_000, 'W'],
  ])('reads %s %p %s (multiplier %p) as %p %s', (measurand, value, unit, multiplier, expected, expectedUnit) => {
    const normalised = normaliseReading(at, reading({ measurand, value, unit, multiplier }));
    expect(normalised).toEqual({ ok: true, sample: expect.objectContaining({ value: expected, unit: expectedUnit, measurand }) });
  });

  it('fills in the spec defaults: energy register in Wh, Sample.Periodic, Outlet, total', () => {
    expect(normaliseReading(at, reading({ value: '42' }))).toEqual({
      ok: true,
      sample: { at, measurand: 'Energy.Active.Import.Register', phase: '', location: 'Outlet', context: 'Sample.Periodic', value: 42, unit: 'Wh' },
    });
  });

  it.each([
    ['Power.Active.Import', 'W'],
    ['Current.Import', 'A'],
    ['Voltage', 'V'],
    ['SoC', 'Percent'],
    ['Energy.Reactive.Export.Register', 'varh'],
  ])('reads a %s without a unit in %s, not in the spec’s blanket Wh', (measurand, unit) => {
    expect(normaliseReading(at, reading({ measurand, value: '1' }))).toMatchObject({ ok: true, sample: { unit } });
  });

  it('keeps phase, location and context', () => {
    const normalised = normaliseReading(
      at,
      reading({ measurand: 'Current.Import', value: '16', unit: 'A', phase: 'L2', location: 'EV', context: 'Transaction.Begin' }),
    );
    expect(normalised).toMatchObject({ ok: true, sample: { phase: 'L2', location: 'EV', context: 'Transaction.Begin' } });
  });

  it.each([
    ['Current.Import', 'L1-N', 'L1'],
    ['Current.Import', 'L3', 'L3'],
    ['Current.Import', 'N', 'N'],
    ['Power.Active.Import', 'L2-N', 'L2'],
    ['Energy.Active.Import.Register', 'L3-N', 'L3'],
    ['Voltage', 'L1-N', 'L1-N'],
    ['Voltage', 'L1-L2', 'L1-L2'],
    ['Voltage', 'L2', 'L2'],
  ])('writes the phase of %s sent as %p as %p', (measurand, phase, expected) => {
    expect(normaliseReading(at, reading({ measurand, value: '1', phase }))).toMatchObject({ ok: true, sample: { phase: expected } });
  });

  it.each(['', 'abc', '0x1F2A'])('refuses the value %p that is no number', (value) => {
    expect(normaliseReading(at, reading({ value })).ok).toBe(false);
  });
});

describe('normaliseMeterValues and energyRegister', () => {
  const later = new Date('2025-06-01T12:05:00Z');
  const meterValues = [
    { at: later, readings: [reading({ value: '2.5', unit: 'kWh' }), reading({ value: 'signed:abc', measurand: 'Energy.Active.Import.Register' })] },
    {
      at,
      readings: [reading({ value: '1000' }), reading({ value: '400', phase: 'L1' }), reading({ value: '7', unit: 'kW', measurand: 'Power.Active.Import' })],
    },
  ];

  it('normalises every reading and lists what it refused', () => {
    const { samples, refused } = normaliseMeterValues(meterValues);
    expect(samples).toHaveLength(4);
    expect(refused).toEqual(['value "signed:abc" is not a number']);
  });

  it('reads the total energy register of the earliest and the latest meter value', () => {
    const { samples } = normaliseMeterValues(meterValues);
    expect(energyRegister(samples, 'first')).toBe(1000);
    expect(energyRegister(samples, 'last')).toBe(2500);
    expect(energyRegister([], 'last')).toBeUndefined();
  });
});
