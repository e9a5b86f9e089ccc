import { offerInForce } from './offer-in-force';
import type { PlannedProfile } from './planned-profile';

const t0 = Date.parse('2026-12-05T10:00:00Z');
const profile = (overrides: Partial<PlannedProfile> = {}): PlannedProfile => ({
  id: 1,
  stackLevel: 1,
  purpose: 'tx',
  evseId: 1,
  transactionId: 'T',
  startSchedule: t0,
  rateUnit: 'A',
  numberPhases: 3,
  periods: [
    { startPeriodS: 0, limit: 16 },
    { startPeriodS: 600, limit: 10 },
  ],
  ...overrides,
});

describe('offerInForce', () => {
  it('holds from the answer, then from the start of each later period', () => {
    const record = { profile: profile(), sentAt: t0, answeredAt: t0 + 800, outcome: 'accepted' as const };
    expect(offerInForce(record, t0 + 5000)).toEqual({ amps: 16, since: t0 + 800 });
    expect(offerInForce(record, t0 + 601_000)).toEqual({ amps: 10, since: t0 + 600_000 });
  });

  it('converts a limit in W at 230 V on the profile’s phases', () => {
    const record = { profile: profile({ rateUnit: 'W', numberPhases: 1, periods: [{ startPeriodS: 0, limit: 3680 }] }), sentAt: t0, outcome: 'accepted' as const };
    expect(offerInForce(record, t0 + 1000)).toEqual({ amps: 16, since: t0 });
  });

  it('has none for a profile not accepted, before it starts or after its duration', () => {
    expect(offerInForce({ profile: profile(), sentAt: t0, outcome: 'rejected' }, t0 + 1000)).toBeUndefined();
    expect(offerInForce({ profile: profile(), sentAt: t0, outcome: 'accepted' }, t0 - 1)).toBeUndefined();
    expect(offerInForce({ profile: profile({ durationS: 60 }), sentAt: t0, outcome: 'accepted' }, t0 + 60_000)).toBeUndefined();
  });
});
