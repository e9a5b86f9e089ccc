import { fallbackCurrentA } from './fallback-current';
import type { PlannedProfile } from './planned-profile';
import type { SentProfile } from './profile-change';

const now = Date.parse('2026-06-01T12:00:00Z');

function sent(purpose: PlannedProfile['purpose'], limit: number, outcome: SentProfile['outcome'], rateUnit: 'A' | 'W' = 'A'): SentProfile {
  const profile: PlannedProfile = { id: 1, stackLevel: 1, purpose, evseId: 0, startSchedule: now - 1000, rateUnit, numberPhases: 3, periods: [{ startPeriodS: 0, limit }] };
  return { profile, sentAt: now - 1000, outcome };
}

describe('fallbackCurrentA', () => {
  it('is the accepted default, capped by the accepted station-max', () => {
    expect(fallbackCurrentA([sent('station-max', 20, 'accepted'), sent('tx-default', 8, 'accepted')], 32, now)).toBe(8);
    expect(fallbackCurrentA([sent('station-max', 6, 'accepted'), sent('tx-default', 8, 'accepted')], 32, now)).toBe(6);
  });

  it('falls to the station-max guard when the default was refused, and to the rating when both were', () => {
    expect(fallbackCurrentA([sent('station-max', 20, 'accepted'), sent('tx-default', 8, 'rejected')], 32, now)).toBe(20);
    expect(fallbackCurrentA([sent('station-max', 20, 'rejected'), sent('tx-default', 8, 'failed')], 32, now)).toBe(32);
  });

  it('reads watts as amperes per phase at 230 V', () => {
    expect(fallbackCurrentA([sent('tx-default', 3 * 230 * 10, 'accepted', 'W')], 32, now)).toBeCloseTo(10);
  });

  it('ignores TxProfiles: they are what failed', () => {
    expect(fallbackCurrentA([{ ...sent('tx', 4, 'accepted'), profile: { ...sent('tx', 4, 'accepted').profile, evseId: 1 } }], 32, now)).toBe(32);
  });
});
