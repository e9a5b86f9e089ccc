import { MessagePacer } from './message-pacer';
import { MessageRate } from './message-rate';

describe('MessageRate', () => {
  const limit = { perSecond: 10, burst: 2 };

  it('passes the burst, then holds messages until their token, then closes a station held back without a break', () => {
    const rate = new MessageRate(limit, 1000, 0);
    expect([rate.admit(0, false), rate.admit(0, false)]).toEqual([{ kind: 'pass' }, { kind: 'pass' }]);
    expect(rate.admit(0, false)).toEqual({ kind: 'hold', waitMs: 100 });
    expect(rate.admit(100, true)).toEqual({ kind: 'pass' });
    expect(rate.admit(100, true)).toMatchObject({ kind: 'hold' });
    // Queued messages use up what refilled meanwhile without ending the held stretch.
    let passed = 0;
    while (rate.admit(999, true).kind === 'pass') passed += 1;
    expect(passed).toBe(2);
    expect(rate.admit(1000, true)).toEqual({ kind: 'close', heldForMs: 1000 });
  });

  it('ends a held stretch when a fresh message finds a token a second after the last hold: a station back within its rate is not closed', () => {
    const rate = new MessageRate(limit, 1000, 0);
    rate.admit(0, false);
    rate.admit(0, false);
    expect(rate.admit(0, false).kind).toBe('hold');
    expect(rate.admit(100, true).kind).toBe('pass');
    // A token found at once is no break (the station's next frame was merely read late).
    expect(rate.admit(250, false).kind).toBe('pass');
    expect(rate.heldBackSince).toBe(0);
    expect(rate.admit(1000, false).kind).toBe('pass');
    expect(rate.heldBackSince).toBeUndefined();
    for (let t = 1150; t < 6000; t += 150) expect(rate.admit(t, false).kind).toBe('pass');
  });

  it('closes a flooder even when some of its frames find a token now and then', () => {
    const rate = new MessageRate(limit, 1000, 0);
    let outcome = rate.admit(0, false);
    for (let t = 0; t <= 1200 && outcome.kind !== 'close'; t += 10) outcome = rate.admit(t, t % 200 !== 0);
    expect(outcome.kind).toBe('close');
  });
});

describe('MessagePacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  function pacer(closeAfterMs = 10_000) {
    const delivered: number[] = [];
    const socket = { paused: false, pause: () => (socket.paused = true), resume: () => (socket.paused = false) };
    const events = { held: 0, closedAfter: undefined as number | undefined };
    const paced = new MessagePacer<number>(new MessageRate({ perSecond: 10, burst: 2 }, closeAfterMs, Date.now()), socket, {
      deliver: (message) => delivered.push(message),
      onHeld: () => (events.held += 1),
      onSustained: (heldForMs) => (events.closedAfter = heldForMs),
    });
    return { paced, delivered, socket, events };
  }

  it('stops reading and delivers in order at the rate, then reads again', () => {
    const { paced, delivered, socket, events } = pacer();
    [1, 2, 3, 4, 5].forEach((message) => paced.receive(message));
    expect(delivered).toEqual([1, 2]);
    expect(socket.paused).toBe(true);
    expect(events.held).toBe(3);
    jest.advanceTimersByTime(100);
    expect(delivered).toEqual([1, 2, 3]);
    jest.advanceTimersByTime(200);
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
    expect(socket.paused).toBe(false);
  });

  it('gives up on a station that keeps its queue full past the close limit, and delivers nothing more', () => {
    const { paced, delivered, events, socket } = pacer(1000);
    for (let i = 0; i < 100; i += 1) paced.receive(i);
    jest.advanceTimersByTime(2000);
    expect(events.closedAfter).toBeGreaterThanOrEqual(1000);
    expect(socket.paused).toBe(false);
    const count = delivered.length;
    expect(count).toBeLessThan(20);
    paced.receive(1000);
    jest.advanceTimersByTime(2000);
    expect(delivered).toHaveLength(count);
    expect(paced.queued).toBe(0);
  });
});
