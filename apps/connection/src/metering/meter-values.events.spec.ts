import { derivedEventId } from '../station-events/event-id';
import type { MeterSample } from './meter-sample';
import { meterValuesKey } from './meter-values.events';

const noon = new Date('2025-06-01T12:00:00Z');

function sample(overrides: Partial<MeterSample> = {}): MeterSample {
  return { at: noon, measurand: 'Energy.Active.Import.Register', phase: '', location: 'Outlet', context: 'Sample.Periodic', value: 1000, unit: 'Wh', ...overrides };
}

const eventIdOf = (samples: MeterSample[]) => derivedEventId('CP-1', 'MeterValues', meterValuesKey(1, '17', samples));

describe('meterValuesKey', () => {
  it('gives two MeterValues sampled at the same time but with different contents different event ids', () => {
    const periodicEnergy = [sample()];
    const clockAlignedPower = [sample({ measurand: 'Power.Active.Import', context: 'Sample.Clock', value: 7400, unit: 'W' })];
    expect(eventIdOf(periodicEnergy)).not.toBe(eventIdOf(clockAlignedPower));
  });

  it('tells samples apart by phase and location', () => {
    expect(eventIdOf([sample({ phase: 'L1' })])).not.toBe(eventIdOf([sample({ phase: 'L2' })]));
    expect(eventIdOf([sample({ location: 'Outlet' })])).not.toBe(eventIdOf([sample({ location: 'Inlet' })]));
  });

  it('keeps the event id of a retried message, whatever the order of its samples', () => {
    const energy = sample();
    const power = sample({ measurand: 'Power.Active.Import', value: 7400, unit: 'W' });
    expect(eventIdOf([energy, power])).toBe(eventIdOf([{ ...power }, { ...energy }]));
  });

  it('includes the EVSE and the transaction', () => {
    expect(meterValuesKey(1, '17', [sample()])).not.toEqual(meterValuesKey(2, '17', [sample()]));
    expect(meterValuesKey(1, '17', [sample()])).not.toEqual(meterValuesKey(1, undefined, [sample()]));
  });
});
