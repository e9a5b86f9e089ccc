import { overloadRateFrom } from './overload-phase';

/** A window offered `targetPerSecond` that achieved it with this p99, plus the given failures. */
function window(targetPerSecond: number, p99Ms: number, failures: { callError?: string; unanswered?: string } = {}) {
  const calls = {
    achievedPerSecond: targetPerSecond,
    latency: { p99Ms },
    callErrors: failures.callError ? { [failures.callError]: 1 } : {},
    unanswered: failures.unanswered ? { [failures.unanswered]: 1 } : {},
  };
  return { targetPerSecond, calls };
}

describe('overloadRateFrom', () => {
  it('doubles the highest rate that was achieved with p99 under 100 ms and every call answered', () => {
    expect(overloadRateFrom([window(2000, 5), window(5000, 40), window(8000, 400)])).toBe(10_000);
  });

  it('does not count a rate with a CALLERROR or an unanswered call as sustained', () => {
    expect(overloadRateFrom([window(2000, 5), window(5000, 5, { callError: 'InternalError' })])).toBe(4000);
    expect(overloadRateFrom([window(2000, 5), window(5000, 5, { unanswered: 'timeout' })])).toBe(4000);
  });

  it('doubles the highest achieved rate when no rate was sustained (too slow, or short of its target)', () => {
    expect(overloadRateFrom([window(2000, 150), { ...window(300, 5), targetPerSecond: 4000 }])).toBe(4000);
    expect(overloadRateFrom([{ ...window(300, 5), targetPerSecond: 4000 }])).toBe(600);
  });

  it('finds none when nothing was answered', () => {
    expect(overloadRateFrom([window(0, 5)])).toBeUndefined();
  });
});
