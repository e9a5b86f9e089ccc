import { LastSeenThrottle } from './last-seen.throttle';

describe('LastSeenThrottle', () => {
  it('lets one write a minute through per station', () => {
    const throttle = new LastSeenThrottle(60_000);
    expect(throttle.due('CP-1', 0)).toBe(true);
    expect(throttle.due('CP-1', 59_999)).toBe(false);
    expect(throttle.due('CP-2', 30_000)).toBe(true);
    expect(throttle.due('CP-1', 60_000)).toBe(true);
    expect(throttle.due('CP-1', 61_000)).toBe(false);
  });

  it('counts a write made elsewhere', () => {
    const throttle = new LastSeenThrottle(60_000);
    throttle.written('CP-1', 1000);
    expect(throttle.due('CP-1', 2000)).toBe(false);
    expect(throttle.due('CP-1', 61_000)).toBe(true);
  });

  it('forgets the oldest station beyond its limit, which only costs an extra write', () => {
    const throttle = new LastSeenThrottle(60_000, 2);
    throttle.due('CP-1', 0);
    throttle.due('CP-2', 0);
    throttle.due('CP-3', 0);
    expect(throttle.due('CP-1', 1)).toBe(true);
    expect(throttle.due('CP-3', 1)).toBe(false);
  });
});
