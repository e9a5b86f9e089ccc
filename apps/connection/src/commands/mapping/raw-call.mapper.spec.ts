import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, expectRefusal } from './station-command.fixtures';

const raw = (action: string, payloadJson: string) => commandWith({ case: 'rawCall', value: { action, payloadJson } });

describe('raw call', () => {
  it('sends the action with its parsed payload', () => {
    expectCall('1.6', raw('ReserveNow', '{"connectorId":1,"expiryDate":"2025-01-01T00:00:00Z","idTag":"T","reservationId":3}'), {
      action: 'ReserveNow',
      payload: { connectorId: 1, expiryDate: '2025-01-01T00:00:00Z', idTag: 'T', reservationId: 3 },
    });
    expectCall('2.0.1', raw('GetBaseReport', '{"requestId":1,"reportBase":"FullInventory"}'), {
      action: 'GetBaseReport',
      payload: { requestId: 1, reportBase: 'FullInventory' },
    });
  });

  it('reads an empty payload_json as the empty payload', () => {
    expectCall('2.0.1', raw('ClearCache', ''), { action: 'ClearCache', payload: {} });
  });

  it('refuses invalid JSON and JSON that is not an object', () => {
    expectRefusal('1.6', raw('Reset', '{"type":'), 'the raw Reset payload is not JSON');
    expectRefusal('1.6', raw('Reset', '["Hard"]'), 'the raw Reset payload is not a JSON object');
    expectRefusal('1.6', raw('Reset', 'null'), 'not a JSON object');
  });

  it('refuses what the station would refuse: unknown actions, station-initiated actions, schema violations', () => {
    expectRefusal('2.0.1', raw('RemoteStartTransaction', '{"idTag":"T"}'), 'action RemoteStartTransaction is not defined in OCPP 2.0.1');
    expectRefusal('1.6', raw('BootNotification', '{"chargePointVendor":"v","chargePointModel":"m"}'), 'BootNotification is sent by a charging station');
    expectRefusal('1.6', raw('Reset', '{"type":"Sometime"}'), '/type must be one of');
    expectRefusal('1.6', raw('', '{}'), 'needs an action');
  });

  it('answers the payload as is, accepted unless its status says otherwise', () => {
    const command = raw('ReserveNow', '{}');
    expect(fromOcppResponse('1.6', command, { status: 'Occupied' })).toStrictEqual({ accepted: false, result: { status: 'Occupied' } });
    expect(fromOcppResponse('2.0.1', command, { status: 'Accepted', statusInfo: { reasonCode: 'x' } })).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', statusInfo: { reasonCode: 'x' } },
    });
    expect(fromOcppResponse('2.0.1', command, { reportBase: 'x' })).toStrictEqual({ accepted: true, result: { reportBase: 'x' } });
  });
});
