import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import type { JsonObject } from '../framing/rpc-frame';
import type { OcppVersion, Side } from '../ocpp-version';
import { deferred, flushPromises } from '../testing/promises';
import { RecordingTransport } from '../testing/recording-transport';
import { RpcSession } from './rpc-session';
import { type CallHandler, type ProtocolWarning, ProtocolWarningCode, type SessionFault, SessionFaultCode } from './rpc-session.options';

const boot16 = { chargePointVendor: 'Acme', chargePointModel: 'M1' };
const bootAccepted = { currentTime: '2025-01-02T03:04:05Z', interval: 300, status: 'Accepted' };
const heartbeatAnswer = { currentTime: '2025-01-02T03:04:06Z' };

function session(handleCall: CallHandler, options: { version?: OcppVersion; side?: Side; validateOutgoing?: boolean; maxQueue?: number; send?: (text: string) => void } = {}) {
  const transport = new RecordingTransport();
  const warnings: ProtocolWarning[] = [];
  const faults: SessionFault[] = [];
  const rpc = new RpcSession({
    version: options.version ?? '1.6',
    side: options.side ?? 'csms',
    send: options.send ?? transport.send,
    callTimeoutMs: 30_000,
    handleCall,
    validateOutgoing: options.validateOutgoing,
    maxQueue: options.maxQueue,
    onProtocolWarning: (warning) => warnings.push(warning),
    onError: (fault) => faults.push(fault),
  });
  return { rpc, transport, warnings, faults };
}

const call = (messageId: string, action: string, payload: object) => JSON.stringify([2, messageId, action, payload]);

describe('RpcSession incoming calls', () => {
  it("answers a valid CALL with the handler's result", async () => {
    const handler = jest.fn<Promise<object>, Parameters<CallHandler>>().mockResolvedValue(bootAccepted);
    const { rpc, transport, warnings } = session(handler);
    rpc.receive(call('m-1', 'BootNotification', boot16));
    await rpc.whenIdle();
    expect(handler).toHaveBeenCalledWith('BootNotification', boot16, { messageId: 'm-1' });
    expect(transport.frames).toEqual([[3, 'm-1', bootAccepted]]);
    expect(warnings).toEqual([]);
  });

  it('is busy from the arrival of a CALL until its answer is sent (what a draining gateway waits for)', async () => {
    const answer = deferred<object>();
    const { rpc, transport } = session(() => answer.promise);
    expect(rpc.busy).toBe(false);
    rpc.receive(call('m-1', 'Heartbeat', {}));
    await flushPromises();
    expect(rpc.busy).toBe(true);
    answer.resolve(heartbeatAnswer);
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[3, 'm-1', heartbeatAnswer]]);
    expect(rpc.busy).toBe(false);
  });

  it('handles CALLs one at a time, in arrival order, rejected ones included', async () => {
    const answers = [deferred<object>(), deferred<object>()];
    const started: string[] = [];
    const handler: CallHandler = (_action, _payload, { messageId }) => {
      started.push(messageId);
      return answers[started.length - 1].promise;
    };
    const { rpc, transport } = session(handler);
    rpc.receive(call('m-1', 'Heartbeat', {}));
    rpc.receive(call('m-2', 'NoSuchAction', {}));
    rpc.receive(call('m-3', 'Heartbeat', {}));
    await flushPromises();
    expect(started).toEqual(['m-1']);
    expect(transport.frames).toEqual([]);

    answers[0].resolve(heartbeatAnswer);
    await flushPromises();
    expect(started).toEqual(['m-1', 'm-3']);
    expect(transport.frames.map((frame) => [frame[0], frame[1]])).toEqual([
      [3, 'm-1'],
      [4, 'm-2'],
    ]);

    answers[1].resolve(heartbeatAnswer);
    await rpc.whenIdle();
    expect(transport.frames.map((frame) => frame[1])).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it.each([
    ['1.6', 'an unknown action', 'm-1', 'Authorise', { idTag: 'T' }, 'NotImplemented', 'action Authorise is not defined in OCPP 1.6', {}],
    ['2.0.1', 'an action of the version the station did not negotiate', 'm-1', 'StartTransaction', {}, 'NotImplemented', 'action StartTransaction is not defined in OCPP 2.0.1', {}],
    ['1.6', 'a CSMS action sent by the station', 'm-2', 'Reset', { type: 'Hard' }, 'NotSupported', 'Reset is sent by the CSMS, not by a charging station', {}],
    ['1.6', 'a missing required field', 'm-3', 'BootNotification', { chargePointVendor: 'Acme' }, 'OccurenceConstraintViolation', '/chargePointModel is required', { path: '/chargePointModel', keyword: 'required' }],
    ['2.0.1', 'a missing required field', 'm-3', 'Authorize', {}, 'OccurrenceConstraintViolation', '/idToken is required', { path: '/idToken', keyword: 'required' }],
    ['2.0.1', 'a value of the wrong type', 'm-4', 'Heartbeat', { customData: 'x' }, 'TypeConstraintViolation', '/customData must be object', { path: '/customData', keyword: 'type' }],
  ])('OCPP %s: answers %s with a CALLERROR and never runs the handler', async (version, _case, messageId, action, payload, code, description, details) => {
    const handler = jest.fn<Promise<object>, Parameters<CallHandler>>();
    const { rpc, transport, warnings } = session(handler, { version: version as OcppVersion });
    rpc.receive(call(messageId, action, payload));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[4, messageId, code, description, details]]);
    expect(handler).not.toHaveBeenCalled();
    expect(warnings).toEqual([expect.objectContaining({ code: ProtocolWarningCode.RejectedCall, messageId, action })]);
  });

  it.each([
    ['1.6', 'not JSON', '-1', 'FormationViolation'],
    ['2.0.1', 'not JSON', '-1', 'RpcFrameworkError'],
    ['1.6', '[2,"m-9","Heartbeat",[]]', 'm-9', 'FormationViolation'],
    ['2.0.1', '[2,"m-9","Heartbeat",[]]', 'm-9', 'FormatViolation'],
    ['2.0.1', '[6,"m-9",{}]', 'm-9', 'MessageTypeNotSupported'],
  ])('OCPP %s: answers the malformed message %s with a CALLERROR for %s', async (version, text, messageId, code) => {
    const { rpc, transport, warnings } = session(jest.fn(), { version: version as OcppVersion });
    rpc.receive(text);
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[4, messageId, code, expect.any(String), {}]]);
    expect(warnings).toEqual([expect.objectContaining({ code: ProtocolWarningCode.MalformedFrame, messageId })]);
  });

  it('never answers a malformed CALLRESULT or CALLERROR', async () => {
    const { rpc, transport, warnings } = session(jest.fn());
    rpc.receive('[3,"m-1",42]');
    rpc.receive('[4,"m-2","GenericError"]');
    await rpc.whenIdle();
    expect(transport.frames).toEqual([]);
    expect(warnings.map((warning) => warning.code)).toEqual([ProtocolWarningCode.UnexpectedResponse, ProtocolWarningCode.UnexpectedResponse]);
  });

  it('answers with the OcppRpcError a handler throws, in the version’s vocabulary', async () => {
    const handler: CallHandler = () => Promise.reject(new OcppRpcError(OcppErrorKind.OccurrenceConstraintViolation, 'meterValue is empty', { hint: 1 }));
    const { rpc, transport, faults } = session(handler);
    rpc.receive(call('m-1', 'MeterValues', { connectorId: 1, meterValue: [] }));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[4, 'm-1', 'OccurenceConstraintViolation', 'meterValue is empty', { hint: 1 }]]);
    expect(faults).toEqual([]);
  });

  it('answers InternalError without internals when a handler fails otherwise, and reports the failure', async () => {
    const failure = new Error('connection to db:5432 refused for user csms');
    const { rpc, transport, faults } = session(() => Promise.reject(failure));
    rpc.receive(call('m-1', 'Authorize', { idTag: 'T' }));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[4, 'm-1', 'InternalError', 'an internal error occurred while processing Authorize', {}]]);
    expect(faults).toEqual([{ code: SessionFaultCode.HandlerFailed, messageId: 'm-1', action: 'Authorize', error: failure }]);
  });

  it('answers InternalError when the handler’s result breaks the response schema, and reports it', async () => {
    const { rpc, transport, faults } = session(() => Promise.resolve({ ...bootAccepted, interval: 'often' }));
    rpc.receive(call('m-1', 'BootNotification', boot16));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[4, 'm-1', 'InternalError', 'an internal error occurred while processing BootNotification', {}]]);
    expect(faults).toEqual([
      {
        code: SessionFaultCode.InvalidHandlerResponse,
        messageId: 'm-1',
        action: 'BootNotification',
        error: expect.objectContaining({ kind: OcppErrorKind.TypeConstraintViolation, description: '/interval must be integer' }),
      },
    ]);
  });

  it('answers InternalError when the handler resolves with something that is not an object', async () => {
    const notAnObject = (): Promise<object> => Promise.resolve(null as unknown as object);
    const { rpc, transport, faults } = session(notAnObject);
    rpc.receive(call('m-1', 'Heartbeat', {}));
    await rpc.whenIdle();
    expect(transport.last()).toEqual([4, 'm-1', 'InternalError', expect.any(String), {}]);
    expect(faults.map((fault) => fault.code)).toEqual([SessionFaultCode.InvalidHandlerResponse]);
  });

  it('sends the handler’s result unchecked when validateOutgoing is off', async () => {
    const { rpc, transport } = session(() => Promise.resolve({ status: 'Whatever' }), { validateOutgoing: false });
    rpc.receive(call('m-1', 'BootNotification', boot16));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[3, 'm-1', { status: 'Whatever' }]]);
  });

  it('on the station side, accepts CSMS actions and refuses station ones', async () => {
    const handler = jest.fn<Promise<object>, Parameters<CallHandler>>().mockResolvedValue({ status: 'Accepted' });
    const { rpc, transport } = session(handler, { version: '2.0.1', side: 'station' });
    rpc.receive(call('m-1', 'Reset', { type: 'Immediate' }));
    rpc.receive(call('m-2', 'BootNotification', { chargingStation: { model: 'M', vendorName: 'V' }, reason: 'PowerUp' }));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([
      [3, 'm-1', { status: 'Accepted' }],
      [4, 'm-2', 'NotSupported', 'BootNotification is sent by a charging station, not by the CSMS', {}],
    ]);
  });

  it('answers GenericError to a CALL beyond maxQueue waiting ones', async () => {
    const answer = deferred<object>();
    const { rpc, transport, warnings } = session(() => answer.promise, { maxQueue: 1 });
    rpc.receive(call('m-1', 'Heartbeat', {})); // being handled
    rpc.receive(call('m-2', 'Heartbeat', {})); // waiting
    rpc.receive(call('m-3', 'Heartbeat', {})); // one too many
    expect(transport.frames).toEqual([[4, 'm-3', 'GenericError', 'too many CALLs waiting (at most 1); send one at a time', {}]]);
    expect(warnings.map((warning) => warning.code)).toEqual([ProtocolWarningCode.IncomingQueueFull]);
    answer.resolve(heartbeatAnswer);
    await rpc.whenIdle();
    expect(transport.frames.map((frame) => frame[1])).toEqual(['m-3', 'm-1', 'm-2']);
  });

  it('after close(), drops waiting CALLs, withholds the answer in progress and ignores input', async () => {
    const answer = deferred<object>();
    const handler = jest.fn<Promise<object>, Parameters<CallHandler>>().mockReturnValue(answer.promise);
    const { rpc, transport } = session(handler);
    rpc.receive(call('m-1', 'Heartbeat', {}));
    rpc.receive(call('m-2', 'Heartbeat', {}));
    rpc.close('socket closed');
    answer.resolve(heartbeatAnswer);
    rpc.receive(call('m-3', 'Heartbeat', {}));
    await rpc.whenIdle();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(transport.frames).toEqual([]);
  });

  it('reports a transport that fails while answering', async () => {
    const broken = new Error('socket closed');
    const { rpc, faults } = session(() => Promise.resolve(heartbeatAnswer), {
      send: () => {
        throw broken;
      },
    });
    rpc.receive(call('m-1', 'Heartbeat', {}));
    await rpc.whenIdle();
    expect(faults).toEqual([{ code: SessionFaultCode.SendFailed, messageId: 'm-1', action: 'Heartbeat', error: broken }]);
  });

  it('passes the parsed payload to the handler as a plain object', async () => {
    let received: JsonObject | undefined;
    const { rpc } = session((_action, payload) => {
      received = payload;
      return Promise.resolve({ idTagInfo: { status: 'Accepted' } });
    });
    rpc.receive(call('m-1', 'Authorize', { idTag: 'TAG-1' }));
    await rpc.whenIdle();
    expect(received).toEqual({ idTag: 'TAG-1' });
  });
});
