import { type OfferRecord, offerAtMeasurement } from './offer-at-measurement';
import type { PlannedProfile } from './planned-profile';

const t0 = Date.parse('2026-12-06T10:00:00Z');

function txProfile(amps: number, startSchedule: number, rateUnit: 'A' | 'W' = 'A'): PlannedProfile {
  return { id: 9_102_001, stackLevel: 10, purpose: 'tx', evseId: 1, transactionId: '7', startSchedule, rateUnit, numberPhases: 3, periods: [{ startPeriodS: 0, limit: amps }] };
}

/** A TxProfile sent at `sentAt` and accepted `answerMs` later. */
function accepted(amps: number, sentAt: number, answerMs = 100): OfferRecord {
  return { profile: txProfile(amps, sentAt), outcome: 'accepted', sentAt, answeredAt: sentAt + answerMs };
}

describe('the offer a draw is compared with (surplus rule)', () => {
  const old = accepted(7, t0);
  const raised = accepted(11, t0 + 60_000);
  const now = t0 + 61_000;

  it('is the profile held now when the draw was measured under it', () => {
    expect(offerAtMeasurement(raised, old, { amps: 11, at: t0 + 60_500 }, now)).toBe(11);
    expect(offerAtMeasurement(raised, old, undefined, now)).toBe(11);
  });

  it('is the replaced profile when the draw was measured before the new one was sent: a 1.6 draw under the old 7 A says nothing of the raise', () => {
    expect(offerAtMeasurement(raised, old, { amps: 7, at: t0 + 30_000 }, now)).toBe(7);
  });

  it('is the lower of both when the draw was measured while the new one was on its way', () => {
    expect(offerAtMeasurement(raised, old, { amps: 7, at: t0 + 60_050 }, now)).toBe(7);
    const lowered = accepted(5, t0 + 60_000);
    expect(offerAtMeasurement(lowered, old, { amps: 7, at: t0 + 60_050 }, now)).toBe(5);
  });

  it('takes a draw measured while the replaced profile was itself on its way as all the EV was offered', () => {
    // 8 A measured just before the 12 A profile reached the station; since then it was lowered to 9 A.
    const twelve = accepted(12, t0 + 30_000, 400);
    const nine = accepted(9, t0 + 45_000);
    expect(offerAtMeasurement(nine, twelve, { amps: 8, at: t0 + 30_200 }, now)).toBe(8);
  });

  it('takes a draw from before any known profile as all the EV was offered: it caps no one', () => {
    expect(offerAtMeasurement(raised, undefined, { amps: 0, at: t0 + 30_000 }, now)).toBe(0);
    expect(offerAtMeasurement(raised, { ...old, outcome: 'rejected' }, { amps: 3, at: t0 + 30_000 }, now)).toBe(3);
  });

  it('is the draw itself when nothing is known of what the station holds: forgotten after a reconnect or a clear, or refused (regression: a cleared station was held at its draw + 1 A for a minute)', () => {
    expect(offerAtMeasurement(undefined, old, { amps: 7, at: now }, now)).toBe(7);
    expect(offerAtMeasurement({ ...raised, outcome: 'failed' }, old, { amps: 7, at: now }, now)).toBe(7);
    expect(offerAtMeasurement(undefined, undefined, undefined, now)).toBeUndefined();
  });

  it('reads a profile in watts as amperes per phase at 230 V', () => {
    expect(offerAtMeasurement({ ...raised, profile: txProfile(7590, t0 + 60_000, 'W') }, old, { amps: 11, at: now }, now)).toBeCloseTo(11);
  });

  it('reads the period in force at the measurement from a profile of several periods', () => {
    const stepped: OfferRecord = { ...old, profile: { ...txProfile(7, t0), periods: [{ startPeriodS: 0, limit: 16 }, { startPeriodS: 20, limit: 8 }] } };
    expect(offerAtMeasurement(raised, stepped, { amps: 8, at: t0 + 30_000 }, now)).toBe(8);
    expect(offerAtMeasurement(raised, stepped, { amps: 8, at: t0 + 10_000 }, now)).toBe(16);
  });
});
