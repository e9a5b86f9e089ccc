import { validateCall } from './payload.validator';

describe('validateCall', () => {
  it('accepts a valid CALL from the side that initiates the action', () => {
    expect(validateCall('2.0.1', 'station', 'Heartbeat', {})).toEqual({ ok: true });
    expect(validateCall('1.6', 'csms', 'Reset', { type: 'Hard' })).toEqual({ ok: true });
  });

  it('answers NotImplemented for an action the version does not know, before anything else', () => {
    const result = validateCall('2.0.1', 'csms', 'RemoteStartTransaction', { idTag: 'T' });
    expect(result.ok ? undefined : [result.error.codeIn('2.0.1'), result.error.description]).toEqual([
      'NotImplemented',
      'action RemoteStartTransaction is not defined in OCPP 2.0.1',
    ]);
  });

  it('answers NotSupported for an action sent in the wrong direction, even with a valid payload', () => {
    const fromStation = validateCall('1.6', 'station', 'Reset', { type: 'Hard' });
    expect(fromStation.ok ? undefined : [fromStation.error.codeIn('1.6'), fromStation.error.description]).toEqual([
      'NotSupported',
      'Reset is sent by the CSMS, not by a charging station',
    ]);
    const fromCsms = validateCall('2.0.1', 'csms', 'BootNotification', {});
    expect(fromCsms.ok ? undefined : fromCsms.error.codeIn('2.0.1')).toBe('NotSupported');
  });

  it('lets both sides send DataTransfer', () => {
    expect(validateCall('1.6', 'station', 'DataTransfer', { vendorId: 'acme' })).toEqual({ ok: true });
    expect(validateCall('1.6', 'csms', 'DataTransfer', { vendorId: 'acme' })).toEqual({ ok: true });
  });

  it('checks the payload last', () => {
    const result = validateCall('2.0.1', 'csms', 'Reset', { type: 'Sometime' });
    expect(result.ok ? undefined : result.error.codeIn('2.0.1')).toBe('PropertyConstraintViolation');
  });
});
