import { limitScheduleSchema } from '../limits/limit-schedule.schemas';
import type { ForeignProfile } from './foreign-profile';
import { OPEN_END_HORIZON_S, profileLimitSchedule, sameSchedule } from './profile-limit-schedule';

const now = Date.parse('2026-12-07T10:00:00.400Z');
const iso = (text: string) => new Date(text).toISOString();
const absolute = (schedule: Partial<ForeignProfile['schedule']>, profile: Partial<ForeignProfile> = {}): ForeignProfile => ({
  kind: 'absolute',
  ...profile,
  schedule: { unit: 'A', periods: [{ startS: 0, limit: 8 }], ...schedule },
});

describe('profileLimitSchedule', () => {
  it('places an absolute schedule at its start: each period until the next, the last until the duration ends', () => {
    const schedule = profileLimitSchedule(
      absolute({ startSchedule: Date.parse('2026-12-07T11:00:00Z'), durationS: 7200, periods: [{ startS: 0, limit: 16 }, { startS: 1800, limit: 10, numberPhases: 1 }] }),
      { now },
    );
    expect(schedule).toEqual({
      default: null,
      slots: [
        { start: iso('2026-12-07T11:00:00Z'), durationS: 1800, perPhaseA: [16, 16, 16] },
        { start: iso('2026-12-07T11:30:00Z'), durationS: 5400, perPhaseA: [10, 10, 10] },
      ],
    });
  });

  it('starts an absolute schedule without a start when the station took it, leaves out what is over, and writes an open end five years ahead in slots a slot may hold', () => {
    const schedule = profileLimitSchedule(absolute({ unit: 'W', periods: [{ startS: 0, limit: 11_000 }] }), { now });
    expect(schedule.default).toBeNull();
    expect(schedule.slots[0]).toEqual({ start: iso('2026-12-07T10:00:00Z'), durationS: 366 * 86_400, totalW: 11_000 });
    const end = Date.parse(schedule.slots.at(-1)?.start ?? '') + (schedule.slots.at(-1)?.durationS ?? 0) * 1000;
    expect(end).toBe(Date.parse('2026-12-07T10:00:00Z') + OPEN_END_HORIZON_S * 1000);
    expect(limitScheduleSchema.safeParse(schedule).success).toBe(true);
  });

  it('cuts the schedule to validFrom and validTo, and drops periods already over', () => {
    const schedule = profileLimitSchedule(
      absolute(
        { startSchedule: Date.parse('2026-12-07T08:00:00Z'), periods: [{ startS: 0, limit: 32 }, { startS: 3600, limit: 20 }, { startS: 3 * 3600, limit: 6 }] },
        { validTo: Date.parse('2026-12-07T12:00:00Z') },
      ),
      { now },
    );
    expect(schedule.slots).toEqual([
      { start: iso('2026-12-07T10:00:00Z'), durationS: 3600, perPhaseA: [20, 20, 20] },
      { start: iso('2026-12-07T11:00:00Z'), durationS: 3600, perPhaseA: [6, 6, 6] },
    ]);
  });

  it('runs a relative schedule from its transaction’s start; without one, its lowest limit holds as a default', () => {
    const profile: ForeignProfile = { kind: 'relative', schedule: { unit: 'A', durationS: 600, periods: [{ startS: 0, limit: 12 }, { startS: 300, limit: 8 }] } };
    expect(profileLimitSchedule(profile, { now, relativeStart: Date.parse('2026-12-07T09:58:00Z') }).slots).toEqual([
      { start: iso('2026-12-07T10:00:00Z'), durationS: 180, perPhaseA: [12, 12, 12] },
      { start: iso('2026-12-07T10:03:00Z'), durationS: 300, perPhaseA: [8, 8, 8] },
    ]);
    expect(profileLimitSchedule(profile, { now })).toEqual({ default: { perPhaseA: [8, 8, 8] }, slots: [] });
  });

  it('unrolls a daily schedule from the run in force, each run cut at its duration, gaps left unlimited', () => {
    const evening: ForeignProfile = {
      kind: 'recurring',
      recurrency: 'daily',
      schedule: { unit: 'A', startSchedule: Date.parse('2026-12-01T17:00:00Z'), durationS: 4 * 3600, periods: [{ startS: 0, limit: 10 }, { startS: 3600, limit: 6 }] },
    };
    const schedule = profileLimitSchedule(evening, { now });
    expect(schedule.slots.slice(0, 3)).toEqual([
      { start: iso('2026-12-07T17:00:00Z'), durationS: 3600, perPhaseA: [10, 10, 10] },
      { start: iso('2026-12-07T18:00:00Z'), durationS: 3 * 3600, perPhaseA: [6, 6, 6] },
      { start: iso('2026-12-08T17:00:00Z'), durationS: 3600, perPhaseA: [10, 10, 10] },
    ]);
    // Yesterday's run is over; a year of runs from today's.
    expect(schedule.slots).toHaveLength(2 * 365);
    expect(schedule.default).toBeNull();
    expect(limitScheduleSchema.safeParse(schedule).success).toBe(true);
  });

  it('keeps a weekly run in force that began before now, from now', () => {
    const weekly: ForeignProfile = {
      kind: 'recurring',
      recurrency: 'weekly',
      schedule: { unit: 'W', startSchedule: Date.parse('2026-11-30T09:00:00Z'), durationS: 2 * 86_400, periods: [{ startS: 0, limit: 7000 }] },
    };
    // 2026-11-30 was a Monday; now is Monday 2026-12-07 10:00, an hour into this week's run.
    expect(profileLimitSchedule(weekly, { now }).slots.slice(0, 2)).toEqual([
      { start: iso('2026-12-07T10:00:00Z'), durationS: 2 * 86_400 - 3600, totalW: 7000 },
      { start: iso('2026-12-14T09:00:00Z'), durationS: 2 * 86_400, totalW: 7000 },
    ]);
  });

  it('makes the lowest limit the default after the last slot when a schedule needs more than 1,000', () => {
    const periods = Array.from({ length: 4 }, (_, index) => ({ startS: index * 900, limit: 20 - index }));
    const schedule = profileLimitSchedule({ kind: 'recurring', recurrency: 'daily', schedule: { unit: 'A', startSchedule: now, periods } }, { now });
    expect(schedule.slots).toHaveLength(1000);
    expect(schedule.default).toEqual({ perPhaseA: [17, 17, 17] });
    expect(limitScheduleSchema.safeParse(schedule).success).toBe(true);
  });
});

describe('sameSchedule', () => {
  it('tells an unchanged schedule from a changed one, whatever the instants’ notation', () => {
    const slot = { start: '2026-12-07T11:00:00.000Z', durationS: 60, perPhaseA: [8, 8, 8] as [number, number, number] };
    expect(sameSchedule({ default: null, slots: [slot] }, { default: null, slots: [{ ...slot, start: '2026-12-07T12:00:00+01:00' }] })).toBe(true);
    expect(sameSchedule({ default: null, slots: [slot] }, { default: null, slots: [{ ...slot, perPhaseA: [8, 8, 7] }] })).toBe(false);
    expect(sameSchedule({ default: null, slots: [slot] }, { default: { totalW: 1 }, slots: [slot] })).toBe(false);
    expect(sameSchedule({ default: null, slots: [slot] }, { default: null, slots: [] })).toBe(false);
  });
});
