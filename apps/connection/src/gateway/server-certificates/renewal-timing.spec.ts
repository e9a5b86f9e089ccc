import { FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, MIN_RENEWAL_DELAY_MS, renewalDelay, retryDelay } from './renewal-timing';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('server certificate renewal timing', () => {
  it('renews at 2/3 of the life left when the certificate came', () => {
    expect(renewalDelay(at(0), at(0), at(90_000))).toBe(60_000);
    // Later in the same certificate's life: the same instant, so less time to wait.
    expect(renewalDelay(at(50_000), at(0), at(90_000))).toBe(10_000);
    expect(renewalDelay(at(0), at(0), at(90 * 86_400_000))).toBe(60 * 86_400_000);
  });

  it('never schedules sooner than the minimum delay, even past the renewal point or with an expired certificate', () => {
    expect(renewalDelay(at(80_000), at(0), at(90_000))).toBe(MIN_RENEWAL_DELAY_MS);
    expect(renewalDelay(at(0), at(0), at(-5_000))).toBe(MIN_RENEWAL_DELAY_MS);
  });

  it('backs off exponentially after failures, capped', () => {
    expect([1, 2, 3].map((failures) => retryDelay(failures, at(0), undefined))).toEqual([FIRST_RETRY_DELAY_MS, 2 * FIRST_RETRY_DELAY_MS, 4 * FIRST_RETRY_DELAY_MS]);
    expect(retryDelay(40, at(0), undefined)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('retries before the current certificate expires rather than after', () => {
    expect(retryDelay(40, at(0), at(10_000))).toBe(10_000 - MIN_RENEWAL_DELAY_MS);
    expect(retryDelay(1, at(0), at(500))).toBe(MIN_RENEWAL_DELAY_MS);
  });
});
