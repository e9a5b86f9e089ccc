import { type LimitSchedule, effectiveLimit, lowestLimit, nextBoundary, tighterLimit } from './effective-limit';

const t0 = Date.UTC(2025, 5, 1, 12);
const minute = 60_000;
const unlimited = Number.POSITIVE_INFINITY;

const gridOperator: LimitSchedule = {
  source: 'grid-operator',
  default: { perPhaseA: [100, 100, 100] },
  slots: [
    { start: t0, durationS: 600, limit: { perPhaseA: [60, 80, 100] } },
    { start: t0 + 20 * minute, durationS: 300, limit: { totalW: 30_000 } },
  ],
};
const operator: LimitSchedule = { source: 'operator', slots: [{ start: t0 + 5 * minute, durationS: 600, limit: { perPhaseA: [90, 70, unlimited] } }] };

describe('tighterLimit', () => {
  it('takes the least per phase and in total, leaving unlimited what neither names', () => {
    expect(tighterLimit({ perPhaseA: [10, 20, 30] }, { perPhaseA: [15, 15, unlimited], totalW: 5000 })).toEqual({ perPhaseA: [10, 15, 30], totalW: 5000 });
    expect(tighterLimit(undefined, { totalW: 7000 })).toEqual({ totalW: 7000 });
    expect(tighterLimit(undefined, undefined)).toEqual({});
  });
});

describe('effectiveLimit', () => {
  it('takes, per source, the slot covering the instant, else its default, and the least of all with the own default', () => {
    expect(effectiveLimit({ totalW: 50_000 }, [gridOperator, operator], t0 - 1)).toEqual({ perPhaseA: [100, 100, 100], totalW: 50_000 });
    expect(effectiveLimit({ totalW: 50_000 }, [gridOperator, operator], t0 + 6 * minute)).toEqual({ perPhaseA: [60, 70, 100], totalW: 50_000 });
    expect(effectiveLimit(undefined, [gridOperator, operator], t0 + 12 * minute)).toEqual({ perPhaseA: [90, 70, 100] });
  });

  it('ends a slot at start + duration, exclusive', () => {
    expect(effectiveLimit(undefined, [operator], t0 + 15 * minute)).toEqual({});
    expect(effectiveLimit(undefined, [operator], t0 + 15 * minute - 1)).toEqual({ perPhaseA: [90, 70, unlimited] });
  });

  it('is unlimited where nothing applies', () => {
    expect(effectiveLimit(undefined, [], t0)).toEqual({});
  });
});

describe('lowestLimit', () => {
  it('is the least limit in force at any instant of the window', () => {
    expect(lowestLimit(undefined, [gridOperator, operator], t0, t0 + 30 * minute)).toEqual({ perPhaseA: [60, 70, 100], totalW: 30_000 });
  });

  it('leaves out a default that is never in force because slots cover the whole window', () => {
    expect(lowestLimit(undefined, [gridOperator], t0 + minute, t0 + 9 * minute)).toEqual({ perPhaseA: [60, 80, 100] });
    const back: LimitSchedule = { source: 's', default: { totalW: 1 }, slots: [{ start: t0, durationS: 60, limit: { totalW: 5 } }, { start: t0 + minute, durationS: 60, limit: { totalW: 9 } }] };
    expect(lowestLimit(undefined, [back], t0, t0 + 2 * minute)).toEqual({ totalW: 5 });
    expect(lowestLimit(undefined, [back], t0, t0 + 2 * minute + 1)).toEqual({ totalW: 1 });
  });
});

describe('nextBoundary', () => {
  it('is the next instant a slot of any source starts or ends', () => {
    expect(nextBoundary([gridOperator, operator], t0 - 1)).toBe(t0);
    expect(nextBoundary([gridOperator, operator], t0)).toBe(t0 + 5 * minute);
    expect(nextBoundary([gridOperator, operator], t0 + 5 * minute)).toBe(t0 + 10 * minute);
    expect(nextBoundary([gridOperator, operator], t0 + 10 * minute)).toBe(t0 + 15 * minute);
    expect(nextBoundary([gridOperator, operator], t0 + 21 * minute)).toBe(t0 + 25 * minute);
  });

  it('is undefined when no slot starts or ends any more', () => {
    expect(nextBoundary([gridOperator, operator], t0 + 25 * minute)).toBeUndefined();
    expect(nextBoundary([], t0)).toBeUndefined();
  });
});
