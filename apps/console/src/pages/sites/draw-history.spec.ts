import { chartRows, hasPowerLimit, historySummary, latestFigures, mergeHistory, nextPollFrom, rangeMs, tickLabel, timeTicks } from './draw-history';
import type { HistoryPoint, Triple } from './site-types';

const point = (at: string, limit: Triple | null, drawn: Triple): HistoryPoint => ({ at, limitA: limit, limitW: null, allocatedA: drawn, allocatedW: 0, drawnA: drawn, samples: 1 });

describe('draw history for the chart', () => {
  const t = (seconds: number) => new Date(Date.parse('2026-12-06T12:00:00Z') + seconds * 1000).toISOString();

  it('appends polled samples, replacing the last point shown and dropping what left the range', () => {
    const shown = [point(t(0), [32, 32, 32], [1, 1, 1]), point(t(15), [32, 32, 32], [2, 2, 2]), point(t(30), [32, 32, 32], [3, 3, 3])];
    const polled = [point(t(30), [32, 32, 32], [4, 4, 4]), point(t(45), [20, 20, 20], [5, 5, 5])];
    const merged = mergeHistory(shown, polled, Date.parse(t(30)), Date.parse(t(10)));
    expect(merged.map((p) => p.at)).toEqual([t(15), t(30), t(45)]);
    expect(merged[1].drawnA).toEqual([4, 4, 4]);
    expect(nextPollFrom(merged, 0)).toBe(Date.parse(t(45)));
    expect(nextPollFrom([], 7)).toBe(7);
  });

  it('makes chart rows with the limit as null where there is none', () => {
    expect(chartRows([point(t(0), null, [1.234, 0, 2])])).toEqual([{ time: Date.parse(t(0)), limitL1: null, limitL2: null, limitL3: null, drawL1: 1.2, drawL2: 0, drawL3: 2, limitKW: null }]);
    const powerLimited = { ...point(t(0), null, [1, 1, 1]), limitW: 11_040 };
    expect(chartRows([powerLimited])[0]?.limitKW).toBe(11);
    expect([hasPowerLimit([powerLimited]), hasPowerLimit([point(t(0), null, [1, 1, 1])])]).toEqual([true, false]);
  });

  it('says the limit and draw now per phase', () => {
    const points = [point(t(0), [40, 40, 40], [1, 1, 1]), point(t(15), [40, 40, 40], [20.5, 20.46, 0])];
    const figures = latestFigures({ current: { limitA: [32, 32, 32], limitW: null } }, points);
    expect(historySummary(figures)).toBe('Limit now 40 A, draw 20.5 A on L1; limit 40 A, draw 20.5 A on L2; limit 40 A, draw 0 A on L3.');
    expect(latestFigures({ current: { limitA: [32, 32, 32], limitW: 9000 } }, [])).toEqual({ limitA: [32, 32, 32], limitW: 9000, drawnA: null });
    expect(historySummary(latestFigures({ current: null }, []))).toBe('No samples yet in this range.');
    expect(historySummary({ limitA: null, drawnA: [1, 2, 3] })).toBe('Limit now unlimited, draw 1 A on L1; limit unlimited, draw 2 A on L2; limit unlimited, draw 3 A on L3.');
    expect(historySummary({ limitA: null, limitW: 11_040, drawnA: [1, 2, 3] })).toBe(
      'Limit now no limit per phase, draw 1 A on L1; limit no limit per phase, draw 2 A on L2; limit no limit per phase, draw 3 A on L3. Power limit now 11 kW.',
    );
    expect(historySummary({ limitA: [32, 32, 32], limitW: 22_000, drawnA: null })).toBe(
      'Limit now 32 A, draw unknown on L1; limit 32 A, draw unknown on L2; limit 32 A, draw unknown on L3. Power limit now 22 kW.',
    );
    expect(rangeMs('3h')).toBe(3 * 3_600_000);
  });

  it('puts the time axis ticks on whole steps', () => {
    const at = (hhmmss: string) => Date.parse(`2026-12-06T${hhmmss}Z`);
    expect(timeTicks(at('12:00:05'), at('13:00:00'))).toEqual([at('12:10:00'), at('12:20:00'), at('12:30:00'), at('12:40:00'), at('12:50:00'), at('13:00:00')]);
    expect(timeTicks(at('12:00:05'), at('12:01:00'))).toEqual([at('12:00:10'), at('12:00:20'), at('12:00:30'), at('12:00:40'), at('12:00:50'), at('12:01:00')]);
    expect(timeTicks(5, 5)).toEqual([]);
    expect(tickLabel(at('12:00:10'), [0, 10_000])).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(tickLabel(at('12:00:10'), [0, 600_000])).toMatch(/^\d\d:\d\d$/);
  });
});
