import { effectiveRows, formatDuration, formatLimit, sourceName } from './limit-format';

describe('limit formatting', () => {
  it('writes limits per phase and in total', () => {
    expect(formatLimit({ perPhaseA: [32, 32, 32] })).toBe('32 A per phase');
    expect(formatLimit({ perPhaseA: [32, 16, 32.25], totalW: 22000 })).toBe('32 / 16 / 32.3 A, 22 kW total');
    expect(formatLimit({ totalW: 500 })).toBe('500 W total');
    expect(formatLimit(null)).toBe('unlimited');
  });

  it('lists the effective limit per phase with the source that sets it', () => {
    const rows = effectiveRows({ at: 'x', perPhaseA: [50, null, 50], totalW: null, boundBy: { perPhaseA: ['grid-operator', null, 'node'], totalW: null } });
    expect(rows).toEqual([
      { what: 'L1', value: '50 A', boundBy: 'grid-operator' },
      { what: 'L2', value: 'unlimited', boundBy: '—' },
      { what: 'L3', value: '50 A', boundBy: 'node default' },
      { what: 'Total', value: 'unlimited', boundBy: '—' },
    ]);
    expect(sourceName('oscp:DSO-1')).toBe('oscp:DSO-1');
  });

  it('writes durations in the largest whole unit', () => {
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(45)).toBe('45 s');
  });
});
