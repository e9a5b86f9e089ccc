import { CallRecorder } from './call-recorder';
import { overloadRateFrom } from './overload-phase';

/** Figures of a window in which `answered` calls over about a second took `latencyMs` each, plus the given failures. */
function window(targetPerSecond: number, latencyMs: number, failures: { callError?: string; unanswered?: string } = {}) {
  const recorder = new CallRecorder();
  for (let call = 0; call < targetPerSecond; call += 1) recorder.callCompleted('Heartbeat', latencyMs, undefined);
  if (failures.callError) recorder.callCompleted('Heartbeat', 1, failures.callError);
  if (failures.unanswered) recorder.callCompleted('Heartbeat', 30_000, failures.unanswered);
  recorder.stop();
  const calls = recorder.figures();
  // The window lasted about as long as the test took to fill it; pretend it was one second.
  return { targetPerSecond, calls: { ...calls, achievedPerSecond: calls.answered } };
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
