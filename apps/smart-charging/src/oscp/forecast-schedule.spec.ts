import { forecastKindOf, scheduleOfForecast } from './forecast-schedule';
import type { ForecastedBlock } from './oscp-messages.schemas';

const block = (overrides: Partial<ForecastedBlock>): ForecastedBlock => ({
  capacity: 32,
  phase: 'ALL',
  unit: 'A',
  start_time: '2030-01-01T12:00:00Z',
  end_time: '2030-01-01T12:15:00Z',
  ...overrides,
});

const slotsOf = (blocks: ForecastedBlock[], kind: 'normal' | 'fallback' = 'normal') => {
  const converted = scheduleOfForecast(blocks, kind);
  if (!converted.ok) throw new Error(JSON.stringify(converted.errors));
  return converted.schedule;
};

describe('forecast → limit schedule', () => {
  it('turns an ALL-phase block in A into a slot limiting each phase', () => {
    expect(slotsOf([block({ capacity: 20 })])).toEqual({ default: null, slots: [{ start: '2030-01-01T12:00:00.000Z', durationS: 900, perPhaseA: [20, 20, 20] }] });
  });

  it('merges per-phase blocks of one interval into one slot; an unnamed phase is left unlimited', () => {
    const { slots } = slotsOf([block({ phase: 'ONE', capacity: 10 }), block({ phase: 'THREE', capacity: 12 })]);
    expect(slots).toEqual([{ start: '2030-01-01T12:00:00.000Z', durationS: 900, perPhaseA: [10, 100_000, 12] }]);
  });

  it('takes the lower bound when two blocks of one interval name the same phase', () => {
    expect(slotsOf([block({ capacity: 30 }), block({ phase: 'TWO', capacity: 16 })]).slots[0]?.perPhaseA).toEqual([30, 16, 30]);
  });

  it('treats UNKNOWN as every phase (the safe reading)', () => {
    expect(slotsOf([block({ phase: 'UNKNOWN', capacity: 8 })]).slots[0]?.perPhaseA).toEqual([8, 8, 8]);
  });

  it('converts kW over all phases into a total in W', () => {
    expect(slotsOf([block({ unit: 'KW', capacity: 22.5 })]).slots[0]).toEqual({ start: '2030-01-01T12:00:00.000Z', durationS: 900, totalW: 22_500 });
  });

  it('converts W on one phase into amperes at 230 V, rounded down', () => {
    expect(slotsOf([block({ unit: 'W', phase: 'TWO', capacity: 1000 })]).slots[0]?.perPhaseA).toEqual([100_000, 4.347, 100_000]);
  });

  it('converts an energy over the block into its average power', () => {
    expect(slotsOf([block({ unit: 'KWH', capacity: 5 })]).slots[0]?.totalW).toBe(20_000);
    expect(slotsOf([block({ unit: 'WH', capacity: 500, end_time: '2030-01-01T12:30:00Z' })]).slots[0]).toMatchObject({ durationS: 1800, totalW: 1000 });
  });

  it('orders slots by time, whatever the order of the blocks', () => {
    const { slots } = slotsOf([block({ start_time: '2030-01-01T12:15:00Z', end_time: '2030-01-01T12:30:00Z', capacity: 5 }), block({ capacity: 7 })]);
    expect(slots.map((slot) => [slot.start, slot.perPhaseA?.[0]])).toEqual([
      ['2030-01-01T12:00:00.000Z', 7],
      ['2030-01-01T12:15:00.000Z', 5],
    ]);
  });

  it('refuses blocks of different intervals that overlap, naming both', () => {
    const converted = scheduleOfForecast([block({}), block({ start_time: '2030-01-01T12:10:00Z', end_time: '2030-01-01T12:20:00Z' })], 'normal');
    expect(converted).toEqual({
      ok: false,
      errors: [{ field: 'forecasted_blocks[1].start_time', message: expect.stringContaining('overlaps forecasted_blocks[0]') as string }],
    });
  });

  it('gives a fallback forecast the lowest of its blocks as default, so it holds after its blocks end', () => {
    const schedule = slotsOf(
      [block({ capacity: 16 }), block({ start_time: '2030-01-01T12:15:00Z', end_time: '2030-01-01T12:30:00Z', capacity: 10 }), block({ unit: 'KW', capacity: 11 })],
      'fallback',
    );
    expect(schedule.default).toEqual({ perPhaseA: [10, 10, 10], totalW: 11_000 });
  });

  it('names what each forecast type is to this service', () => {
    expect(['CONSUMPTION', 'FALLBACK_CONSUMPTION', 'GENERATION', 'FALLBACK_GENERATION', 'OPTIMUM'].map((type) => forecastKindOf(type as never))).toEqual([
      'normal',
      'fallback',
      'ignored',
      'ignored',
      'ignored',
    ]);
  });
});
