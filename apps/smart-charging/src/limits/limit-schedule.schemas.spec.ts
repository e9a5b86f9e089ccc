import { fieldErrorsOf } from '@app/runtime';
import { MAX_SLOTS, normalisedSchedule, putLimitScheduleBody } from './limit-schedule.schemas';

function errors(body: unknown): string[] {
  const parsed = putLimitScheduleBody.safeParse(body);
  return parsed.success ? [] : fieldErrorsOf('body', parsed.error.issues).map((error) => `${error.field}: ${error.message}`);
}

const slot = { start: '2025-06-01T17:00:00+02:00', durationS: 3600, perPhaseA: [80, 80, 80] as [number, number, number] };

describe('a limit schedule', () => {
  it('takes a default and slots in A per phase and/or W, and defaults to nothing', () => {
    expect(errors({ default: { perPhaseA: [200, 200, 200], totalW: 138_000 }, slots: [slot, { start: '2025-06-01T16:00:00Z', durationS: 60, totalW: 0 }] })).toEqual([]);
    expect(putLimitScheduleBody.parse({})).toEqual({ default: null, slots: [] });
  });

  it.each([
    [{ slots: [{ ...slot, durationS: 0 }] }, 'body.slots[0].durationS: must be at least 1 s'],
    [{ slots: [{ ...slot, durationS: 1.5 }] }, 'body.slots[0].durationS: must be a whole number of seconds'],
    [{ slots: [{ ...slot, perPhaseA: [80, -1, 80] }] }, 'body.slots[0].perPhaseA[1]: must not be negative'],
    [{ slots: [{ ...slot, perPhaseA: [80, 80] }] }, 'body.slots[0].perPhaseA: '],
    [{ slots: [{ start: slot.start, durationS: 60 }] }, 'body.slots[0]: a slot needs perPhaseA or totalW (or both)'],
    [{ slots: [{ ...slot, start: '2025-06-01T17:00:00' }] }, 'body.slots[0].start: must be an ISO 8601 instant with offset'],
    [{ slots: [{ ...slot, totalW: 2e10 }] }, 'body.slots[0].totalW: must be at most 10000000000 W (watts, not kW)'],
    [{ slots: [{ ...slot, unit: 'kW' }] }, 'body.slots[0].unit: unknown field'],
    [{ default: {} }, 'body.default: needs perPhaseA or totalW (or both)'],
    [{ default: { totalW: -5 } }, 'body.default.totalW: must not be negative'],
    [{ slots: [slot, { ...slot, start: '2025-06-01T15:30:00Z' }] }, 'body.slots[1].start: overlaps slots[0], which lasts until 2025-06-01T16:00:00.000Z'],
  ])('refuses %j, naming the field', (body, expected) => {
    expect(errors(body).join('\n')).toContain(expected);
  });

  it(`holds at most ${MAX_SLOTS} slots`, () => {
    const slots = Array.from({ length: MAX_SLOTS + 1 }, (_, index) => ({ start: new Date(Date.UTC(2025, 5, 1) + index * 60_000).toISOString(), durationS: 60, totalW: 1000 }));
    expect(errors({ slots: slots.slice(0, MAX_SLOTS) })).toEqual([]);
    expect(errors({ slots })).toEqual([`body.slots: must hold at most ${MAX_SLOTS} slots`]);
  });
});

describe('normalisedSchedule', () => {
  it('orders slots by their instant and writes starts in UTC', () => {
    const schedule = normalisedSchedule({ default: null, slots: [slot, { start: '2025-06-01T14:00:00Z', durationS: 60, totalW: 1 }] });
    expect(schedule.slots.map((entry) => entry.start)).toEqual(['2025-06-01T14:00:00.000Z', '2025-06-01T15:00:00.000Z']);
  });
});
