import { nextFetchDelay } from './crl-fetcher';

describe('nextFetchDelay', () => {
  const now = new Date('2026-12-06T00:00:00Z');
  const hour = 3_600_000;

  it('waits the refresh period when the CRLs are fresh or name no nextUpdate', () => {
    expect(nextFetchDelay(now, new Date(now.getTime() + 24 * hour), hour)).toBe(hour);
    expect(nextFetchDelay(now, undefined, hour)).toBe(hour);
  });

  it('fetches before the earliest nextUpdate, halving the time left, but never in a tight loop', () => {
    expect(nextFetchDelay(now, new Date(now.getTime() + hour), 2 * hour)).toBe(hour / 2);
    expect(nextFetchDelay(now, new Date(now.getTime() + 4_000), hour)).toBe(5_000);
    expect(nextFetchDelay(now, new Date(now.getTime() - hour), hour)).toBe(5_000);
  });
});
