import * as ocpp from '@app/ocpp';
import type { Ocpp16, Ocpp201 } from '@app/ocpp';

describe('@app/ocpp public API', () => {
  it('exposes the session, framing, validation and catalogue through the alias', () => {
    expect(typeof ocpp.RpcSession).toBe('function');
    expect(typeof ocpp.parseFrame).toBe('function');
    expect(typeof ocpp.validateCall).toBe('function');
    expect(ocpp.actionsOf('2.0.1')).toContain('TransactionEvent');
    expect(ocpp.versionOfSubprotocol('ocpp1.6')).toBe('1.6');
    expect(ocpp.versionOfSubprotocol('ocpp2.1')).toBeUndefined();
  });

  it('namespaces the generated types per version', () => {
    const boot16: Ocpp16.BootNotificationRequest = { chargePointVendor: 'Acme', chargePointModel: 'M1' };
    const boot201: Ocpp201.BootNotificationRequest = { chargingStation: { model: 'M1', vendorName: 'Acme' }, reason: 'PowerUp' };
    expect(ocpp.validateRequest('1.6', 'BootNotification', boot16)).toEqual({ ok: true });
    expect(ocpp.validateRequest('2.0.1', 'BootNotification', boot201)).toEqual({ ok: true });
  });
});
