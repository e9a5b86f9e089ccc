import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import { type Settled, track } from '../testing/promises';
import { RecordingTransport } from '../testing/recording-transport';
import { RpcSession } from './rpc-session';
import { RpcSessionError, RpcSessionErrorCode } from './rpc-session.error';
import { type ProtocolWarning, ProtocolWarningCode, type RpcSessionOptions } from './rpc-session.options';

const boot = { chargingStation: { model: 'M1', vendorName: 'Acme' }, reason: 'PowerUp' as const };
const bootAccepted = { currentTime: '2025-01-02T03:04:05Z', interval: 300, status: 'Accepted' };
const heartbeatAnswer = { currentTime: '2025-01-02T03:04:06Z' };

function stationSession(overrides: Partial<RpcSessionOptions<'2.0.1'>> = {}) {
  const transport = new RecordingTransport();
  const warnings: ProtocolWarning[] = [];
  const session = new RpcSession({
    version: '2.0.1',
    side: 'station',
    send: transport.send,
    callTimeoutMs: 30_000,
    handleCall: () => Promise.resolve({}),
    onProtocolWarning: (warning) => warnings.push(warning),
    ...overrides,
  });
  const answer = (messageId: string, payload: object) => session.receive(JSON.stringify([3, messageId, payload]));
  return { session, transport, warnings, answer };
}

function errorOf<T>(settled: Settled<T>): unknown {
  if (settled.ok) throw new Error('expected a rejection');
  return settled.error;
}

const tick = () => Promise.resolve();

describe('RpcSession outgoing calls', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is busy while a CALL it sent awaits its answer, and idle once answered', async () => {
    const { session, transport, answer } = stationSession();
    const answered = track(session.call('Heartbeat', {}));
    expect(session.busy).toBe(true);
    answer(transport.lastId(), heartbeatAnswer);
    expect(await answered.outcome).toEqual({ ok: true, value: heartbeatAnswer });
    expect(session.busy).toBe(false);
  });

  it('keeps one CALL outstanding and sends the queued ones in order as answers arrive', async () => {
    const { session, transport, answer } = stationSession();
    const first = track(session.call('BootNotification', boot));
    const second = track(session.call('Heartbeat', {}));

    expect(transport.frames).toEqual([[2, expect.stringMatching(/^[0-9a-f-]{36}$/), 'BootNotification', boot]]);
    const firstId = transport.lastId();
    answer(firstId, bootAccepted);
    expect(await first.outcome).toEqual({ ok: true, value: bootAccepted });

    expect(transport.frames).toHaveLength(2);
    expect(transport.last()).toEqual([2, expect.any(String), 'Heartbeat', {}]);
    expect(transport.lastId()).not.toBe(firstId);
    await tick();
    expect(second.isSettled()).toBe(false);
    answer(transport.lastId(), heartbeatAnswer);
    expect(await second.outcome).toEqual({ ok: true, value: heartbeatAnswer });
  });

  it('times out after callTimeoutMs, then sends the next call and reports the late answer', async () => {
    const { session, transport, warnings, answer } = stationSession();
    const first = track(session.call('BootNotification', boot));
    const second = track(session.call('Heartbeat', {}));
    const firstId = transport.lastId();

    jest.advanceTimersByTime(29_999);
    await tick();
    expect(first.isSettled()).toBe(false);
    expect(transport.frames).toHaveLength(1);

    jest.advanceTimersByTime(1);
    const timeout = errorOf(await first.outcome);
    expect(timeout).toBeInstanceOf(RpcSessionError);
    expect(timeout).toMatchObject({ code: RpcSessionErrorCode.Timeout, message: `BootNotification (${firstId}) got no answer within 30000 ms` });
    expect(transport.last()[2]).toBe('Heartbeat');

    answer(firstId, bootAccepted);
    expect(warnings).toEqual([expect.objectContaining({ code: ProtocolWarningCode.LateResponse, messageId: firstId })]);
    await tick();
    expect(second.isSettled()).toBe(false);
    answer(transport.lastId(), heartbeatAnswer);
    expect((await second.outcome).ok).toBe(true);
  });

  it('ignores an answer whose messageId matches no outstanding call, and reports it', async () => {
    const { session, transport, warnings, answer } = stationSession();
    const call = track(session.call('Heartbeat', {}));
    answer('someone-else', heartbeatAnswer);
    session.receive('[4,"another","GenericError","",{}]');
    await tick();
    expect(call.isSettled()).toBe(false);
    expect(warnings.map((warning) => [warning.code, warning.messageId])).toEqual([
      [ProtocolWarningCode.UnexpectedResponse, 'someone-else'],
      [ProtocolWarningCode.UnexpectedResponse, 'another'],
    ]);
    answer(transport.lastId(), heartbeatAnswer);
    expect((await call.outcome).ok).toBe(true);
  });

  it("rejects with the peer's CALLERROR code, description and details, then moves on", async () => {
    const { session, transport } = stationSession();
    const first = track(session.call('BootNotification', boot));
    const second = track(session.call('Heartbeat', {}));
    session.receive(JSON.stringify([4, transport.lastId(), 'OccurrenceConstraintViolation', 'serialNumber missing', { field: 'serialNumber' }]));

    const error = errorOf(await first.outcome);
    expect(error).toBeInstanceOf(OcppRpcError);
    expect(error).toMatchObject({
      kind: OcppErrorKind.OccurrenceConstraintViolation,
      origin: 'peer',
      peerCode: 'OccurrenceConstraintViolation',
      description: 'serialNumber missing',
      details: { field: 'serialNumber' },
    });
    expect(transport.last()[2]).toBe('Heartbeat');
    await tick();
    expect(second.isSettled()).toBe(false);
  });

  it('rejects a CALLRESULT that does not match the response schema', async () => {
    const { session, transport, answer } = stationSession();
    const call = track(session.call('BootNotification', boot));
    answer(transport.lastId(), { ...bootAccepted, status: 'Maybe' });

    const error = errorOf(await call.outcome);
    expect(error).toMatchObject({ code: RpcSessionErrorCode.InvalidResponse });
    const cause = (error as RpcSessionError).cause;
    expect(cause).toBeInstanceOf(OcppRpcError);
    expect(cause).toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation, description: '/status must be one of: Accepted, Pending, Rejected' });
  });

  it('fails the call on a malformed answer carrying its messageId, without answering it', async () => {
    const { session, transport } = stationSession();
    const call = track(session.call('Heartbeat', {}));
    session.receive(`[3,"${transport.lastId()}","not an object"]`);

    const error = errorOf(await call.outcome);
    expect(error).toMatchObject({ code: RpcSessionErrorCode.InvalidResponse, cause: expect.objectContaining({ kind: OcppErrorKind.FormatViolation }) });
    expect(transport.frames).toHaveLength(1);
  });

  it.each([
    ['an invalid payload', 'BootNotification', { reason: 'PowerUp' }, 'OccurrenceConstraintViolation', '/chargingStation is required'],
    ['an action of the other side', 'Reset', { type: 'Immediate' }, 'NotSupported', 'Reset is sent by the CSMS, not by a charging station'],
    ['an unknown action', 'StartTransaction', {}, 'NotImplemented', 'action StartTransaction is not defined in OCPP 2.0.1'],
  ])('rejects %s with an OcppRpcError and sends nothing', async (_case, action, payload, code, description) => {
    const { session, transport } = stationSession();
    const error = errorOf(await track(session.call(action, payload)).outcome);
    expect(error).toBeInstanceOf(OcppRpcError);
    expect([(error as OcppRpcError).codeIn('2.0.1'), (error as OcppRpcError).description]).toEqual([code, description]);
    expect(transport.frames).toEqual([]);
  });

  it('with validateOutgoing off, sends any action and passes an unknown action’s answer through', async () => {
    const { session, transport, answer } = stationSession({ validateOutgoing: false });
    const call = track(session.call('VendorSpecific', { anything: 1 }));
    expect(transport.last()).toEqual([2, expect.any(String), 'VendorSpecific', { anything: 1 }]);
    answer(transport.lastId(), { whatever: true });
    expect(await call.outcome).toEqual({ ok: true, value: { whatever: true } });
  });

  it('close() rejects the outstanding and queued calls, and every later call', async () => {
    const { session, transport, answer } = stationSession();
    const first = track(session.call('BootNotification', boot));
    const second = track(session.call('Heartbeat', {}));
    const firstId = transport.lastId();
    session.close('socket closed');

    for (const call of [first, second]) {
      expect(errorOf(await call.outcome)).toMatchObject({ code: RpcSessionErrorCode.Closed, message: 'session closed: socket closed' });
    }
    expect(errorOf(await track(session.call('Heartbeat', {})).outcome)).toMatchObject({ code: RpcSessionErrorCode.Closed });
    answer(firstId, bootAccepted);
    jest.advanceTimersByTime(60_000);
    expect(transport.frames).toHaveLength(1);
    expect(session.closed).toBe(true);
  });

  it('rejects a call when maxQueue calls are already waiting', async () => {
    const { session } = stationSession({ maxQueue: 1 });
    track(session.call('Heartbeat', {})); // outstanding
    const waiting = track(session.call('Heartbeat', {}));
    const overflow = track(session.call('Heartbeat', {}));
    expect(errorOf(await overflow.outcome)).toMatchObject({ code: RpcSessionErrorCode.QueueFull });
    await tick();
    expect(waiting.isSettled()).toBe(false);
  });

  it('fails a call whose send throws and goes on with the next', async () => {
    const transport = new RecordingTransport();
    let calls = 0;
    const send = (text: string) => {
      calls += 1;
      if (calls === 1) throw new Error('socket not open');
      transport.send(text);
    };
    const { session } = stationSession({ send });
    const first = track(session.call('Heartbeat', {}));
    track(session.call('BootNotification', boot));
    expect(errorOf(await first.outcome)).toMatchObject({ code: RpcSessionErrorCode.SendFailed, cause: expect.objectContaining({ message: 'socket not open' }) });
    expect(transport.last()[2]).toBe('BootNotification');
  });

  it('withdraws a queued call whose signal aborts: it rejects with Aborted and is never sent', async () => {
    const { session, transport, answer } = stationSession();
    const first = track(session.call('BootNotification', boot));
    const withdrawn = new AbortController();
    const second = track(session.call('Heartbeat', {}, { signal: withdrawn.signal }));
    const third = track(session.call('Heartbeat', {}));

    withdrawn.abort();
    const error = errorOf(await second.outcome);
    expect(error).toBeInstanceOf(RpcSessionError);
    expect(error).toMatchObject({ code: RpcSessionErrorCode.Aborted, message: 'Heartbeat was withdrawn before it was sent' });

    answer(transport.lastId(), bootAccepted);
    expect((await first.outcome).ok).toBe(true);
    expect(transport.frames.map((frame) => frame[2])).toEqual(['BootNotification', 'Heartbeat']);
    answer(transport.lastId(), heartbeatAnswer);
    expect((await third.outcome).ok).toBe(true);
    expect(transport.frames).toHaveLength(2);
  });

  it('rejects a call whose signal has already aborted without sending it', async () => {
    const { session, transport } = stationSession();
    const error = errorOf(await track(session.call('Heartbeat', {}, { signal: AbortSignal.abort() })).outcome);
    expect(error).toMatchObject({ code: RpcSessionErrorCode.Aborted });
    expect(transport.frames).toEqual([]);
  });

  it('stops waiting for a sent call whose signal aborts, but keeps it outstanding until its answer', async () => {
    const { session, transport, warnings, answer } = stationSession();
    const abandoned = new AbortController();
    const first = track(session.call('BootNotification', boot, { signal: abandoned.signal }));
    const second = track(session.call('Heartbeat', {}));
    const firstId = transport.lastId();

    abandoned.abort();
    expect(errorOf(await first.outcome)).toMatchObject({ code: RpcSessionErrorCode.Aborted, message: `BootNotification (${firstId}) was abandoned while awaiting its answer` });
    expect(transport.frames).toHaveLength(1);

    answer(firstId, bootAccepted);
    expect(warnings).toEqual([]);
    expect(transport.last()[2]).toBe('Heartbeat');
    answer(transport.lastId(), heartbeatAnswer);
    expect((await second.outcome).ok).toBe(true);
  });

  it('types calls by action with callTyped', async () => {
    const { session, transport, answer } = stationSession();
    const call = session.callTyped('BootNotification', boot);
    answer(transport.lastId(), bootAccepted);
    const response = await call;
    const status: 'Accepted' | 'Pending' | 'Rejected' = response.status;
    expect(status).toBe('Accepted');
  });
});
