import type { PlannedProfile } from './planned-profile';
import { changeReason, limitAt, lowersNow } from './profile-change';

const t0 = Date.parse('2026-12-05T10:00:00Z');
const tx = (limit: number, overrides: Partial<PlannedProfile> = {}): PlannedProfile => ({
  id: 1,
  stackLevel: 1,
  purpose: 'tx',
  evseId: 1,
  transactionId: 'T',
  startSchedule: t0,
  rateUnit: 'A',
  numberPhases: 3,
  periods: [{ startPeriodS: 0, limit }],
  ...overrides,
});

describe('limitAt', () => {
  it('is unlimited before the start and after the duration, the last period going on without one', () => {
    expect(limitAt(tx(16), t0 - 1)).toBe(Infinity);
    expect(limitAt(tx(16), t0 + 86_400_000)).toBe(16);
    expect(limitAt(tx(16, { durationS: 900 }), t0 + 899_000)).toBe(16);
    expect(limitAt(tx(16, { durationS: 900 }), t0 + 900_000)).toBe(Infinity);
  });
});

describe('changeReason', () => {
  const now = t0 + 60_000;
  const accepted = (profile: PlannedProfile) => ({ profile, sentAt: t0, outcome: 'accepted' as const });

  it('sends what was never sent', () => {
    expect(changeReason(tx(16), undefined, now)).toBe('new');
  });

  it('sends any decrease at once, however small', () => {
    expect(changeReason(tx(15.9, { startSchedule: now }), accepted(tx(16)), now)).toBe('lower');
  });

  it('keeps a small increase to itself, sends a worthwhile one', () => {
    expect(changeReason(tx(16.5, { startSchedule: now }), accepted(tx(16)), now)).toBeUndefined();
    expect(changeReason(tx(17.2, { startSchedule: now }), accepted(tx(16)), now)).toBe('higher');
  });

  it('sends when a later period of the new profile is lower than what the station holds then', () => {
    const stepped = tx(16, { startSchedule: now, periods: [{ startPeriodS: 0, limit: 16 }, { startPeriodS: 120, limit: 10 }] });
    expect(changeReason(stepped, accepted(tx(16)), now)).toBe('lower');
  });

  it('sends a different shape (another transaction, unit or phase count)', () => {
    expect(changeReason(tx(16, { transactionId: 'T2' }), accepted(tx(16)), now)).toBe('structure');
    expect(changeReason(tx(16, { numberPhases: 1 }), accepted(tx(16)), now)).toBe('structure');
  });

  it('retries a rejected or failed profile only after a pause', () => {
    const rejected = { profile: tx(16), sentAt: t0, outcome: 'rejected' as const };
    expect(changeReason(tx(16), rejected, t0 + 10_000)).toBeUndefined();
    expect(changeReason(tx(16), rejected, t0 + 30_000)).toBe('retry');
  });

  it('sends at once a profile of another shape than the refused one: the next transaction is not held back by the last one’s refusal', () => {
    const rejected = { profile: tx(16), sentAt: t0, outcome: 'rejected' as const };
    expect(changeReason(tx(16, { transactionId: 'T2' }), rejected, t0 + 1000)).toBe('structure');
    expect(changeReason(tx(16, { transactionId: 'T2' }), { ...rejected, outcome: 'failed' }, t0 + 1000)).toBe('structure');
  });
});

describe('lowersNow', () => {
  const now = t0 + 60_000;
  const accepted = (profile: PlannedProfile) => ({ profile, sentAt: t0, outcome: 'accepted' as const });
  const twoPeriods = (first: number, second: number) => tx(first, { periods: [{ startPeriodS: 0, limit: first }, { startPeriodS: 120, limit: second }] });

  it('is a lowering now, or one later that leaves now as it is', () => {
    expect(lowersNow(tx(10), accepted(tx(16)), now)).toBe(true);
    expect(lowersNow(twoPeriods(16, 8), accepted(twoPeriods(16, 12)), now)).toBe(true);
  });

  it('is not a profile that raises now, even when it lowers later: it waits for the others’ lowering', () => {
    expect(lowersNow(twoPeriods(20, 8), accepted(twoPeriods(16, 12)), now)).toBe(false);
    expect(lowersNow(tx(20), accepted(tx(16)), now)).toBe(false);
  });

  it('is not a new profile or one of another shape (a first TxProfile raises from the default)', () => {
    expect(lowersNow(tx(6), undefined, now)).toBe(false);
    expect(lowersNow(tx(6, { transactionId: 'T2' }), accepted(tx(16)), now)).toBe(false);
  });
});
