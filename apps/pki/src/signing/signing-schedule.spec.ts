import { LOST_DELIVERY_MS, sweepStepOf } from './signing-schedule';

const now = new Date('2026-12-06T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const HOUR = 3600_000;

describe('sweepStepOf', () => {
  it('retries a pending request (no active CA yet) within the timeout', () => {
    expect(sweepStepOf({ status: 'pending', delivery: null, receivedAt: ago(60_000), updatedAt: ago(60_000) }, now, HOUR)).toBe('retry');
  });

  it('times out a pending request once the signing timeout has passed', () => {
    expect(sweepStepOf({ status: 'pending', delivery: null, receivedAt: ago(HOUR), updatedAt: ago(1000) }, now, HOUR)).toBe('timeOut');
  });

  it('resends a certificate whose CertificateSigned failed, and times it out later', () => {
    expect(sweepStepOf({ status: 'issued', delivery: 'failed', receivedAt: ago(60_000), updatedAt: ago(1000) }, now, HOUR)).toBe('retry');
    expect(sweepStepOf({ status: 'issued', delivery: 'failed', receivedAt: ago(2 * HOUR), updatedAt: ago(1000) }, now, HOUR)).toBe('timeOut');
  });

  it('leaves a CertificateSigned in flight alone until it counts as lost', () => {
    expect(sweepStepOf({ status: 'issued', delivery: 'sent', receivedAt: ago(60_000), updatedAt: ago(1000) }, now, HOUR)).toBe('wait');
    expect(sweepStepOf({ status: 'issued', delivery: 'sent', receivedAt: ago(60_000), updatedAt: ago(LOST_DELIVERY_MS) }, now, HOUR)).toBe('retry');
  });

  it('never touches a delivered, refused or timed-out request', () => {
    expect(sweepStepOf({ status: 'issued', delivery: 'accepted', receivedAt: ago(2 * HOUR), updatedAt: ago(1000) }, now, HOUR)).toBe('wait');
    expect(sweepStepOf({ status: 'refused', delivery: null, receivedAt: ago(2 * HOUR), updatedAt: ago(1000) }, now, HOUR)).toBe('wait');
    expect(sweepStepOf({ status: 'timedOut', delivery: null, receivedAt: ago(2 * HOUR), updatedAt: ago(1000) }, now, HOUR)).toBe('wait');
  });
});
