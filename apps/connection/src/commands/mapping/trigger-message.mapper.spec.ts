import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const trigger = (message: string, evseId = 0, connectorId = 0) => commandWith({ case: 'triggerMessage', value: { message, evseId, connectorId } });

describe('trigger message', () => {
  it.each(['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'FirmwareStatusNotification'])(
    'maps %s to a 1.6 core TriggerMessage of the same name',
    (message) => {
      expectCall('1.6', trigger(message), { action: 'TriggerMessage', payload: { requestedMessage: message } });
    },
  );

  it('maps LogStatusNotification to the 1.6 DiagnosticsStatusNotification', () => {
    expectCall('1.6', trigger('LogStatusNotification'), { action: 'TriggerMessage', payload: { requestedMessage: 'DiagnosticsStatusNotification' } });
  });

  it('uses the 1.6 security extension ExtendedTriggerMessage for certificate signing and security-extension log status', () => {
    expectCall('1.6', trigger('SignChargingStationCertificate'), {
      action: 'ExtendedTriggerMessage',
      payload: { requestedMessage: 'SignChargePointCertificate' },
    });
    expectCall('1.6', trigger('SecurityLogStatusNotification'), { action: 'ExtendedTriggerMessage', payload: { requestedMessage: 'LogStatusNotification' } });
  });

  it('names the 1.6 connector', () => {
    expectCall('1.6', trigger('MeterValues', 2), { action: 'TriggerMessage', payload: { requestedMessage: 'MeterValues', connectorId: 2 } });
  });

  it('maps to a 2.0.1 TriggerMessage with the EVSE and connector', () => {
    expectCall('2.0.1', trigger('StatusNotification', 1, 2), {
      action: 'TriggerMessage',
      payload: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 2 } },
    });
    expectCall('2.0.1', trigger('SignChargePointCertificate'), { action: 'TriggerMessage', payload: { requestedMessage: 'SignChargingStationCertificate' } });
    expectCall('2.0.1', trigger('DiagnosticsStatusNotification'), { action: 'TriggerMessage', payload: { requestedMessage: 'LogStatusNotification' } });
  });

  it('refuses messages the version cannot trigger', () => {
    expectRefusal('1.6', trigger('TransactionEvent'), 'OCPP 1.6 cannot trigger "TransactionEvent"');
    expectRefusal('2.0.1', trigger('Coffee'), 'OCPP 2.0.1 cannot trigger "Coffee"');
    expectRefusal('1.6', trigger('toString'), 'cannot trigger');
  });

  it('reads NotImplemented as not supported', () => {
    const answer = validAnswer('1.6', 'ExtendedTriggerMessage', { status: 'NotImplemented' });
    expect(fromOcppResponse('1.6', trigger('SignChargingStationCertificate'), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'NotSupported', stationStatus: 'NotImplemented' },
    });
  });
});
