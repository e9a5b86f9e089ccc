import { profileLimitNow } from './profile-summary';

describe('the limit of a sent profile now', () => {
  const profile = { startSchedule: '2026-12-06T12:00:00.000Z', rateUnit: 'A', periods: [{ startPeriodS: 0, limit: 8 }, { startPeriodS: 59, limit: 6 }, { startPeriodS: 959, limit: 8.25 }] };
  const at = (seconds: number) => Date.parse('2026-12-06T12:00:00Z') + seconds * 1000;

  it('is the last period begun', () => {
    expect(profileLimitNow(profile, at(10))).toBe('8 A');
    expect(profileLimitNow(profile, at(60))).toBe('6 A');
    expect(profileLimitNow(profile, at(5000))).toBe('8.3 A');
    expect(profileLimitNow({ ...profile, rateUnit: 'W' }, at(10))).toBe('8 W');
  });

  it('says when it cannot tell', () => {
    expect(profileLimitNow(profile, at(-5))).toBe('not started');
    expect(profileLimitNow({}, at(0))).toBe('—');
  });
});
