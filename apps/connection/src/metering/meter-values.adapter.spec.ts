import { meterValuesOf16, meterValuesOf201 } from './meter-values.adapter';
import { normaliseMeterValues } from './sample-normaliser';

const timestamp = '2025-06-01T12:00:00.000Z';

describe('MeterValues adapters', () => {
  it('reads 1.6 string values with their connector and transaction', () => {
    const report = meterValuesOf16({
      connectorId: 2,
      transactionId: 17,
      meterValue: [{ timestamp, sampledValue: [{ value: '12.5', unit: 'kWh', measurand: 'Energy.Active.Import.Register', context: 'Sample.Periodic' }] }],
    });
    expect(report).toEqual({
      evseId: 2,
      transactionId: '17',
      meterValues: [
        {
          at: new Date(timestamp),
          readings: [
            {
              value: '12.5',
              unit: 'kWh',
              measurand: 'Energy.Active.Import.Register',
              context: 'Sample.Periodic',
              phase: undefined,
              location: undefined,
              multiplier: undefined,
            },
          ],
        },
      ],
    });
  });

  it('reads 2.0.1 numbers with unitOfMeasure and multiplier', () => {
    const report = meterValuesOf201({
      evseId: 1,
      meterValue: [{ timestamp, sampledValue: [{ value: 7.4, measurand: 'Power.Active.Import', phase: 'L1', unitOfMeasure: { unit: 'kW', multiplier: 0 } }] }],
    });
    expect(report.transactionId).toBeUndefined();
    expect(report.meterValues[0]?.readings[0]).toMatchObject({ value: 7.4, unit: 'kW', multiplier: 0, phase: 'L1' });
  });

  it('normalises the same measurement alike from both versions', () => {
    const from16 = meterValuesOf16({
      connectorId: 1,
      meterValue: [{ timestamp, sampledValue: [{ value: '7.4', unit: 'kW', measurand: 'Power.Active.Import' }] }],
    });
    const from201 = meterValuesOf201({
      evseId: 1,
      meterValue: [{ timestamp, sampledValue: [{ value: 740, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 1 } }] }],
    });
    expect(normaliseMeterValues(from16.meterValues).samples).toEqual(normaliseMeterValues(from201.meterValues).samples);
  });

  it('reports the current drawn per phase alike from both versions, whichever way the phase is spelled', () => {
    const currents16 = (['L1-N', 'L2', 'L3-N'] as const).map((phase, index) => ({ value: String(16 - index), unit: 'A' as const, measurand: 'Current.Import' as const, phase }));
    const from16 = meterValuesOf16({ connectorId: 1, meterValue: [{ timestamp, sampledValue: currents16 }] });
    const currents201 = (['L1', 'L2-N', 'L3'] as const).map((phase, index) => ({ value: 16 - index, measurand: 'Current.Import' as const, phase, unitOfMeasure: { unit: 'A' } }));
    const from201 = meterValuesOf201({ evseId: 1, meterValue: [{ timestamp, sampledValue: [currents201[0], ...currents201.slice(1)] }] });
    const perPhase = (report: typeof from16) => normaliseMeterValues(report.meterValues).samples.map((sample) => [sample.phase, sample.value, sample.unit]);
    expect(perPhase(from16)).toEqual([
      ['L1', 16, 'A'],
      ['L2', 15, 'A'],
      ['L3', 14, 'A'],
    ]);
    expect(perPhase(from201)).toEqual(perPhase(from16));
  });
});
