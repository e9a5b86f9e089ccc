import { OcppErrorKind } from '@app/ocpp';
import { gateCall } from './registration-gate';

describe('gateCall', () => {
  it.each(['BootNotification', 'Heartbeat', 'StatusNotification', 'StartTransaction', 'TransactionEvent'])('admits %s from an accepted station', (action) => {
    expect(gateCall('accepted', action, false)).toEqual({ admit: true });
  });

  it.each(['pending', 'rejected'] as const)('admits BootNotification from a %s station', (registration) => {
    expect(gateCall(registration, 'BootNotification', false)).toEqual({ admit: true });
  });

  it.each([
    ['pending', 'Heartbeat'],
    ['pending', 'StatusNotification'],
    ['pending', 'Authorize'],
    ['pending', 'TransactionEvent'],
    ['rejected', 'Heartbeat'],
    ['rejected', 'NotifyReport'],
    ['rejected', 'MeterValues'],
  ] as const)('refuses %s … %s with SecurityError', (registration, action) => {
    const verdict = gateCall(registration, action, false);
    if (verdict.admit) throw new Error('expected a refusal');
    expect(verdict.error.kind).toBe(OcppErrorKind.SecurityError);
    expect([verdict.error.codeIn('1.6'), verdict.error.codeIn('2.0.1')]).toEqual(['SecurityError', 'SecurityError']);
    expect(verdict.error.description).toBe(`${action} refused: the station is not accepted (registration ${registration}); send BootNotification`);
  });

  it('admits what a pending station was asked for: reports and triggered messages', () => {
    expect(gateCall('pending', 'NotifyReport', false)).toEqual({ admit: true });
    expect(gateCall('pending', 'StatusNotification', true)).toEqual({ admit: true });
  });

  it('never admits a triggered message from a rejected station', () => {
    expect(gateCall('rejected', 'StatusNotification', true).admit).toBe(false);
  });
});
