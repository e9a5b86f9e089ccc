import { type SourceSchedule, effectiveLimit, limitOfSourceAt } from './effective-limit';

const at = (iso: string) => new Date(iso);

const gridOperator: SourceSchedule = {
  source: 'grid-operator',
  default: { perPhaseA: [200, 200, 200] },
  slots: [
    { start: '2025-06-01T17:00:00+02:00', durationS: 3600, perPhaseA: [80, 90, 100] },
    { start: '2025-06-01T18:00:00+02:00', durationS: 1800, totalW: 40_000 },
  ],
};

describe('limitOfSourceAt', () => {
  it('takes the slot that covers the instant, from its start up to but not including its end', () => {
    expect(limitOfSourceAt(gridOperator, at('2025-06-01T15:00:00Z'))).toMatchObject({ perPhaseA: [80, 90, 100] });
    expect(limitOfSourceAt(gridOperator, at('2025-06-01T15:59:59.999Z'))).toMatchObject({ perPhaseA: [80, 90, 100] });
    expect(limitOfSourceAt(gridOperator, at('2025-06-01T16:00:00Z'))).toEqual(expect.objectContaining({ totalW: 40_000 }));
  });

  it('falls back to the default outside every slot, and to nothing without a default', () => {
    expect(limitOfSourceAt(gridOperator, at('2025-06-01T14:59:59.999Z'))).toEqual({ perPhaseA: [200, 200, 200] });
    expect(limitOfSourceAt(gridOperator, at('2025-06-01T16:30:00Z'))).toEqual({ perPhaseA: [200, 200, 200] });
    expect(limitOfSourceAt({ ...gridOperator, default: null }, at('2025-06-02T00:00:00Z'))).toBeNull();
  });
});

describe('effectiveLimit', () => {
  const operator: SourceSchedule = { source: 'operator', default: { perPhaseA: [120, 85, 250], totalW: 60_000 }, slots: [] };

  it('is unlimited when nothing applies', () => {
    expect(effectiveLimit(null, [], at('2025-06-01T12:00:00Z'))).toEqual({ perPhaseA: [null, null, null], totalW: null, boundBy: { perPhaseA: [null, null, null], totalW: null } });
  });

  it('takes per phase and for the total the minimum of the node’s limit and every source, naming who sets it', () => {
    const limit = effectiveLimit({ perPhaseA: [150, 150, 150] }, [gridOperator, operator], at('2025-06-01T15:30:00Z'));
    expect(limit).toEqual({
      perPhaseA: [80, 85, 100],
      totalW: 60_000,
      boundBy: { perPhaseA: ['grid-operator', 'operator', 'grid-operator'], totalW: 'operator' },
    });
  });

  it('lets a slot replace its source’s default entirely: a slot with a total only leaves that source’s phases unlimited', () => {
    const limit = effectiveLimit(null, [gridOperator], at('2025-06-01T16:10:00Z'));
    expect(limit).toEqual({ perPhaseA: [null, null, null], totalW: 40_000, boundBy: { perPhaseA: [null, null, null], totalW: 'grid-operator' } });
  });

  it('follows the instant: the same schedules give another limit an hour later', () => {
    expect(effectiveLimit({ perPhaseA: [150, 150, 150] }, [gridOperator], at('2025-06-01T17:00:00Z')).perPhaseA).toEqual([150, 150, 150]);
  });

  it('names the earlier candidate on a tie, the node first', () => {
    const limit = effectiveLimit({ totalW: 60_000 }, [operator], at('2025-06-01T12:00:00Z'));
    expect(limit.boundBy.totalW).toBe('node');
  });

  it('keeps a zero limit (a phase switched off), which is not the same as unlimited', () => {
    expect(effectiveLimit({ perPhaseA: [0, 16, 16] }, [], at('2025-06-01T12:00:00Z')).perPhaseA).toEqual([0, 16, 16]);
  });
});
