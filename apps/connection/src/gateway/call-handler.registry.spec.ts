import { OcppErrorKind, OcppRpcError } from '@app/ocpp';
import pino from 'pino';
import { type CallContext, type CallGuard, CallHandlerRegistry } from './call-handler.registry';

const context = (protocol: CallContext['protocol']): CallContext => ({ stationId: 'CP-1', protocol, securityProfile: 1, logger: pino({ level: 'silent' }) });

describe('CallHandlerRegistry', () => {
  it('dispatches to the handler registered for the station’s version', async () => {
    const registry = new CallHandlerRegistry();
    registry.registerVersioned({
      '1.6': { Heartbeat: async () => ({ currentTime: '1.6' }) },
      '2.0.1': { Heartbeat: async () => ({ currentTime: '2.0.1' }) },
    });
    await expect(registry.dispatch(context('ocpp1.6'), 'Heartbeat', {})).resolves.toEqual({ currentTime: '1.6' });
    await expect(registry.dispatch(context('ocpp2.0.1'), 'Heartbeat', {})).resolves.toEqual({ currentTime: '2.0.1' });
  });

  it('hands typed handlers the validated payload', async () => {
    const registry = new CallHandlerRegistry();
    registry.registerVersioned({
      '1.6': { Authorize: async (_context, request) => ({ idTagInfo: { status: request.idTag === 'TAG' ? 'Accepted' : 'Invalid' } }) },
    });
    await expect(registry.dispatch(context('ocpp1.6'), 'Authorize', { idTag: 'TAG' })).resolves.toEqual({ idTagInfo: { status: 'Accepted' } });
  });

  it('answers NotSupported for a valid action no capability handles', async () => {
    const registry = new CallHandlerRegistry();
    await expect(registry.dispatch(context('ocpp2.0.1'), 'NotifyReport', {})).rejects.toMatchObject({ kind: OcppErrorKind.NotSupported });
  });

  it('refuses two handlers for the same action and version', () => {
    const registry = new CallHandlerRegistry();
    registry.registerVersioned({ '1.6': { Heartbeat: async () => ({ currentTime: 'x' }) } });
    expect(() => registry.registerVersioned({ '1.6': { Heartbeat: async () => ({ currentTime: 'y' }) } })).toThrow(
      'a handler for ocpp1.6:Heartbeat is already registered',
    );
  });

  it('lets the guard refuse a CALL before any handler runs', async () => {
    const refusal = new OcppRpcError(OcppErrorKind.SecurityError, 'not accepted');
    const guard: CallGuard = { admit: async (_context, action) => (action === 'Heartbeat' ? refusal : undefined) };
    const registry = new CallHandlerRegistry(guard);
    const handler = jest.fn(async () => ({ currentTime: 'x' }));
    registry.registerVersioned({ '2.0.1': { Heartbeat: handler } });
    await expect(registry.dispatch(context('ocpp2.0.1'), 'Heartbeat', {})).rejects.toBe(refusal);
    expect(handler).not.toHaveBeenCalled();
  });
});
