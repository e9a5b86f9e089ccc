import { MAX_RETRY_DELAY_MS, type RenewalCandidate, inFlightOutcomeOf, insideRenewalWindow, nextAttemptOf, renewalsDue, retryDelayMs } from './renewal-policy';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-12-06T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const policy = { windowDays: 30, retryBaseMs: 60_000 };
const candidate = (stationId: string, notAfter: Date, lastAttempt?: RenewalCandidate['lastAttempt']): RenewalCandidate => ({ stationId, serialNumber: `serial-${stationId}`, notAfter, lastAttempt });

describe('insideRenewalWindow', () => {
  it('holds from windowDays before notAfter until notAfter', () => {
    expect(insideRenewalWindow(at(30 * DAY + 1), now, 30)).toBe(false);
    expect(insideRenewalWindow(at(30 * DAY), now, 30)).toBe(true);
    expect(insideRenewalWindow(at(1), now, 30)).toBe(true);
    expect(insideRenewalWindow(now, now, 30)).toBe(false);
    expect(insideRenewalWindow(at(-DAY), now, 30)).toBe(false);
  });

  it('takes fractions of a day', () => {
    // A window of a day less 30 s: a one-day certificate enters it 30 s after it was issued.
    expect(insideRenewalWindow(at(DAY - 20_000), now, 1 - 30 / 86_400)).toBe(false);
    expect(insideRenewalWindow(at(DAY - 30_000), now, 1 - 30 / 86_400)).toBe(true);
    expect(insideRenewalWindow(at(DAY - 40_000), now, 1 - 30 / 86_400)).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it('doubles per failure from the base and stops at the maximum', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20, 60_000)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(10_000, 60_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('nextAttemptOf', () => {
  const soon = at(10 * DAY);

  it('starts the first attempt once the certificate is inside the window', () => {
    expect(nextAttemptOf(candidate('A', soon), now, policy)).toBe(1);
    expect(nextAttemptOf(candidate('A', at(31 * DAY)), now, policy)).toBeUndefined();
  });

  it('leaves an expired certificate alone', () => {
    expect(nextAttemptOf(candidate('A', at(-1)), now, policy)).toBeUndefined();
  });

  it('leaves a certificate whose attempt is in flight or which was renewed', () => {
    expect(nextAttemptOf(candidate('A', soon, { attempt: 1, status: 'triggering', retryAt: null }), now, policy)).toBeUndefined();
    expect(nextAttemptOf(candidate('A', soon, { attempt: 1, status: 'awaitingCertificate', retryAt: null }), now, policy)).toBeUndefined();
    expect(nextAttemptOf(candidate('A', soon, { attempt: 1, status: 'renewed', retryAt: null }), now, policy)).toBeUndefined();
  });

  it.each(['rejected', 'failed', 'timedOut'] as const)('retries after a %s attempt once its retryAt has come', (status) => {
    expect(nextAttemptOf(candidate('A', soon, { attempt: 2, status, retryAt: at(1) }), now, policy)).toBeUndefined();
    expect(nextAttemptOf(candidate('A', soon, { attempt: 2, status, retryAt: now }), now, policy)).toBe(3);
  });
});

describe('renewalsDue', () => {
  it('triggers one attempt per station and none for a station already busy', () => {
    const due = renewalsDue(
      [candidate('A', at(DAY)), candidate('B', at(2 * DAY)), candidate('A', at(3 * DAY)), candidate('C', at(40 * DAY)), candidate('D', at(DAY))],
      new Set(['D']),
      now,
      policy,
    );
    expect(due.map(({ candidate: { stationId, notAfter }, attempt }) => [stationId, notAfter, attempt])).toEqual([
      ['A', at(DAY), 1],
      ['B', at(2 * DAY), 1],
    ]);
  });
});

describe('inFlightOutcomeOf', () => {
  const startedAt = at(-30_000);

  it('is renewed once a newer certificate exists, even past the timeout', () => {
    expect(inFlightOutcomeOf({ startedAt, newerSerial: 'ab12' }, at(DAY), 60_000)).toEqual({ status: 'renewed', renewedSerial: 'ab12' });
  });

  it('fails with the refusal when the station’s CSR was refused', () => {
    expect(inFlightOutcomeOf({ startedAt, refusal: 'wrongCommonName: subject CN "x"' }, now, 60_000)).toEqual({
      status: 'failed',
      reason: 'the station\'s CSR was refused: wrongCommonName: subject CN "x"',
    });
  });

  it('waits until the timeout, then times out', () => {
    expect(inFlightOutcomeOf({ startedAt }, now, 60_000)).toBeUndefined();
    expect(inFlightOutcomeOf({ startedAt }, at(30_000), 60_000)).toEqual({ status: 'timedOut', reason: 'no certificate issued within 60 s of the trigger' });
  });
});
