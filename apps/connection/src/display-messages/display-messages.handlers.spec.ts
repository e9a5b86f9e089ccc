import { OcppErrorKind } from '@app/ocpp';
import pino from 'pino';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import type { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import type { DisplayMessageLedger } from './display-message.ledger';
import { DisplayMessagesHandlers } from './display-messages.handlers';

const context: CallContext = { stationId: 'CP-1', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };
const info = (id: number) => ({ id, priority: 'AlwaysFront', message: { format: 'ASCII', content: 'hello' } });

function registered() {
  const registry = new CallHandlerRegistry();
  const ledger = { partReported: jest.fn().mockResolvedValue(undefined) };
  const durability = { store: (_logger: unknown, _action: string, write: () => Promise<unknown>) => write() };
  new DisplayMessagesHandlers(registry, ledger as unknown as DisplayMessageLedger, durability as unknown as DurableAcknowledgement).onModuleInit();
  return { registry, ledger };
}

describe('DisplayMessagesHandlers', () => {
  it('refuses a part naming a message id twice with PropertyConstraintViolation and stores nothing', async () => {
    const { registry, ledger } = registered();
    const answer = registry.dispatch(context, 'NotifyDisplayMessages', { requestId: 0, messageInfo: [info(0), info(0)] });
    await expect(answer).rejects.toEqual(expect.objectContaining({ kind: OcppErrorKind.PropertyConstraintViolation, description: expect.stringContaining('message id 0') }));
    expect(ledger.partReported).not.toHaveBeenCalled();
  });

  it('stores a part whose message ids differ', async () => {
    const { registry, ledger } = registered();
    await expect(registry.dispatch(context, 'NotifyDisplayMessages', { requestId: 0, messageInfo: [info(0), info(1)] })).resolves.toBeDefined();
    expect(ledger.partReported).toHaveBeenCalledTimes(1);
  });
});
