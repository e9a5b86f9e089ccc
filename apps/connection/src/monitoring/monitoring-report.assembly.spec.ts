import { assembleReport } from './monitoring-report.assembly';
import type { StationMonitor } from './station-monitor';

const monitor = (monitorId: number, value = 10): StationMonitor => ({
  monitorId,
  component: { name: 'EVSE', evseId: 1 },
  variable: { name: 'Power' },
  type: 'UpperThreshold',
  value,
  severity: 5,
  transaction: false,
});

describe('assembleReport', () => {
  it('is complete with a single part that is not to be continued', () => {
    expect(assembleReport([{ seqNo: 0, tbc: false, monitors: [monitor(1)] }])).toEqual({ complete: true, parts: 1, monitors: [monitor(1)] });
  });

  it('joins the parts 0..n in seqNo order whatever order they arrived in', () => {
    const assembly = assembleReport([
      { seqNo: 2, tbc: false, monitors: [monitor(5)] },
      { seqNo: 0, tbc: true, monitors: [monitor(1), monitor(2)] },
      { seqNo: 1, tbc: true, monitors: [monitor(3)] },
    ]);
    expect(assembly).toEqual({ complete: true, parts: 3, monitors: [monitor(1), monitor(2), monitor(3), monitor(5)] });
  });

  it('waits while the last part is still to come', () => {
    expect(assembleReport([{ seqNo: 0, tbc: true, monitors: [monitor(1)] }])).toEqual({ complete: false, missing: [] });
  });

  it('waits for a part missing before the last one', () => {
    expect(assembleReport([
      { seqNo: 0, tbc: true, monitors: [] },
      { seqNo: 3, tbc: false, monitors: [] },
    ])).toEqual({ complete: false, missing: [1, 2] });
  });

  it('keeps the later report of a monitor reported in two parts', () => {
    const assembly = assembleReport([
      { seqNo: 1, tbc: false, monitors: [monitor(7, 30)] },
      { seqNo: 0, tbc: true, monitors: [monitor(7, 20)] },
    ]);
    expect(assembly).toEqual({ complete: true, parts: 2, monitors: [monitor(7, 30)] });
  });

  it('is complete and empty for a last part without monitors', () => {
    expect(assembleReport([{ seqNo: 0, tbc: false, monitors: [] }])).toEqual({ complete: true, parts: 1, monitors: [] });
  });
});
