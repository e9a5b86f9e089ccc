import { deferred, flushPromises } from '../testing/promises';
import { RecordingTransport } from '../testing/recording-transport';
import { RpcSession } from './rpc-session';
import { WithholdResponse } from './rpc-session.error';
import { type CallHandler, type SessionFault, SessionFaultCode } from './rpc-session.options';

const meterValues = { connectorId: 1, meterValue: [{ timestamp: '2025-01-02T03:04:05Z', sampledValue: [{ value: '1200' }] }] };
const call = (messageId: string, action: string, payload: object) => JSON.stringify([2, messageId, action, payload]);

function session(handleCall: CallHandler) {
  const transport = new RecordingTransport();
  const faults: SessionFault[] = [];
  const rpc = new RpcSession({ version: '1.6', side: 'csms', send: transport.send, callTimeoutMs: 30_000, handleCall, onError: (fault) => faults.push(fault) });
  return { rpc, transport, faults };
}

describe('RpcSession: a handler that withholds its answer', () => {
  it('sends neither CALLRESULT nor CALLERROR and reports the withheld answer', async () => {
    const cause = new Error('broker unavailable');
    const { rpc, transport, faults } = session(() => Promise.reject(new WithholdResponse('event not durable', cause)));
    rpc.receive(call('m-1', 'MeterValues', meterValues));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([]);
    expect(faults).toEqual([
      {
        code: SessionFaultCode.ResponseWithheld,
        messageId: 'm-1',
        action: 'MeterValues',
        error: expect.objectContaining({ reason: 'event not durable', cause }),
      },
    ]);
  });

  it('moves on to the next CALL, which is answered as usual', async () => {
    let attempt = 0;
    const handler: CallHandler = async (action) => {
      attempt += 1;
      if (attempt === 1) throw new WithholdResponse(`${action} not durable`);
      return {};
    };
    const { rpc, transport } = session(handler);
    rpc.receive(call('m-1', 'MeterValues', meterValues));
    rpc.receive(call('m-2', 'MeterValues', meterValues));
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[3, 'm-2', {}]]);
  });

  it('answers the station’s retry of the withheld CALL once the handler succeeds', async () => {
    const durable = deferred<void>();
    let available = false;
    const handler: CallHandler = async () => {
      if (!available) throw new WithholdResponse('not durable');
      await durable.promise;
      return {};
    };
    const { rpc, transport } = session(handler);
    rpc.receive(call('m-1', 'MeterValues', meterValues));
    await rpc.whenIdle();
    available = true;
    rpc.receive(call('m-1-retry', 'MeterValues', meterValues));
    await flushPromises();
    expect(transport.frames).toEqual([]);
    durable.resolve();
    await rpc.whenIdle();
    expect(transport.frames).toEqual([[3, 'm-1-retry', {}]]);
  });

  it('is an Error with its own name, so logs tell it from a failure', () => {
    const withheld = new WithholdResponse('not durable');
    expect(withheld).toBeInstanceOf(Error);
    expect(withheld.name).toBe('WithholdResponse');
    expect(withheld.cause).toBeUndefined();
  });
});
