import { attributeKeysOf, rowsToRemove } from './device-model.diff';
import type { ReportedVariable } from './device-model.types';

const reported: ReportedVariable[] = [
  { component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, attributes: [{ type: 'Actual', value: '0' }, { type: 'MaxSet', value: '22000' }] },
  { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributes: [{ type: 'Actual', value: '300' }] },
];

describe('device model replacement', () => {
  it('keys each attribute by the variable’s neutral name and its type', () => {
    expect(attributeKeysOf(reported)).toEqual([
      { variableKey: 'EVSE@1/Power', attributeType: 'Actual' },
      { variableKey: 'EVSE@1/Power', attributeType: 'MaxSet' },
      { variableKey: 'OCPPCommCtrlr/HeartbeatInterval', attributeType: 'Actual' },
    ]);
  });

  it('removes the variables and attributes a complete inventory no longer reports, and keeps the rest', () => {
    const stored = [
      { variableKey: 'EVSE@1/Power', attributeType: 'Actual' as const },
      { variableKey: 'EVSE@1/Power', attributeType: 'Target' as const },
      { variableKey: 'EVSE@2/Power', attributeType: 'Actual' as const },
      { variableKey: 'OCPPCommCtrlr/HeartbeatInterval', attributeType: 'Actual' as const },
    ];
    expect(rowsToRemove(stored, reported)).toEqual([
      { variableKey: 'EVSE@1/Power', attributeType: 'Target' },
      { variableKey: 'EVSE@2/Power', attributeType: 'Actual' },
    ]);
  });

  it('removes everything when the station reports nothing', () => {
    expect(rowsToRemove([{ variableKey: 'A/B', attributeType: 'Actual' }], [])).toHaveLength(1);
  });
});
