import { CallRecorder } from './call-recorder';

describe('CallRecorder', () => {
  it('counts the calls sent while it recorded, even when they complete after it stopped, and not those sent before it started', () => {
    let now = 1_000_000;
    const recorder = new CallRecorder(() => now);
    now += 10_000;
    // Sent 20 s ago: before the recorder started.
    recorder.callCompleted('Heartbeat', 20_000, undefined);
    recorder.callCompleted('Heartbeat', 5_000, undefined);
    recorder.stop();
    now += 30_000;
    // Sent 5 s before stop(), timed out after it.
    recorder.callCompleted('MeterValues', 35_000, 'timeout');
    // Sent after stop().
    recorder.callCompleted('MeterValues', 10_000, undefined);

    const figures = recorder.figures();
    expect(figures.answered).toBe(1);
    expect(figures.latencyByAction).toEqual({ Heartbeat: expect.objectContaining({ count: 1 }) });
    expect(figures.unanswered).toEqual({ timeout: 1 });
    expect(figures.seconds).toBe(10);
  });

  it('tells CALLERRORs from calls the CSMS left unanswered or that the connection lost', () => {
    const recorder = new CallRecorder();
    for (const code of ['InternalError', 'GenericError', 'InternalError', 'timeout', 'closed']) recorder.callCompleted('StatusNotification', 0, code);
    expect(recorder.figures()).toMatchObject({ answered: 0, callErrors: { InternalError: 2, GenericError: 1 }, unanswered: { timeout: 1, closed: 1 } });
  });
});
