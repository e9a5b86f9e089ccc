import { monitoringReportParts } from './monitoring-report';
import type { VariableMonitor } from './variable-monitors';

const monitor = (id: number, evseId: number, variable = 'Power'): VariableMonitor => ({
  id,
  component: { name: 'EVSE', evse: { id: evseId } },
  variable: { name: variable },
  type: 'UpperThreshold',
  value: 1000 * id,
  severity: 4,
  transaction: false,
});

describe('monitoringReportParts', () => {
  it('groups monitors by component and variable, two groups a part, tbc on all but the last', () => {
    const parts = monitoringReportParts(7, [monitor(1, 1), monitor(2, 1), monitor(3, 2), monitor(4, 3)], '2025-06-01T10:00:00.000Z');
    expect(parts.map((part) => [part.seqNo, part.tbc, part.monitor?.length])).toEqual([
      [0, true, 2],
      [1, false, 1],
    ]);
    expect(parts[0]?.monitor?.[0]?.variableMonitoring.map((entry) => entry.id)).toEqual([1, 2]);
    expect(parts.every((part) => part.requestId === 7)).toBe(true);
  });

  it('makes no part for no monitor', () => {
    expect(monitoringReportParts(1, [], '2025-06-01T10:00:00.000Z')).toEqual([]);
  });
});
