import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const reset = (hard: boolean, evseId = 0) => commandWith({ case: 'reset', value: { hard, evseId } });
const unlock = (evseId: number, connectorId = 0) => commandWith({ case: 'unlockConnector', value: { evseId, connectorId } });
const availability = (operative: boolean, evseId = 0, connectorId = 0) =>
  commandWith({ case: 'changeAvailability', value: { operative, evseId, connectorId } });

describe('reset', () => {
  it('maps hard/soft to 1.6 Hard/Soft', () => {
    expectCall('1.6', reset(true), { action: 'Reset', payload: { type: 'Hard' } });
    expectCall('1.6', reset(false), { action: 'Reset', payload: { type: 'Soft' } });
  });

  it('refuses a 1.6 reset of one EVSE', () => {
    expectRefusal('1.6', reset(true, 2), 'OCPP 1.6 resets the whole station only, not EVSE 2');
  });

  it('maps hard/soft to 2.0.1 Immediate/OnIdle, with the EVSE when given', () => {
    expectCall('2.0.1', reset(true, 2), { action: 'Reset', payload: { type: 'Immediate', evseId: 2 } });
    expectCall('2.0.1', reset(false), { action: 'Reset', payload: { type: 'OnIdle' } });
  });

  it('counts a 2.0.1 Scheduled reset as accepted', () => {
    const answer = validAnswer('2.0.1', 'Reset', { status: 'Scheduled' });
    expect(fromOcppResponse('2.0.1', reset(false), answer)).toStrictEqual({ accepted: true, result: { status: 'Scheduled', stationStatus: 'Scheduled' } });
  });
});

describe('unlock connector', () => {
  it('maps the EVSE to the 1.6 connectorId', () => {
    expectCall('1.6', unlock(3), { action: 'UnlockConnector', payload: { connectorId: 3 } });
    expectCall('1.6', unlock(3, 1), { action: 'UnlockConnector', payload: { connectorId: 3 } });
  });

  it('refuses a 1.6 unlock of a second connector of an EVSE', () => {
    expectRefusal('1.6', unlock(1, 2), 'connector 2 of EVSE 1 cannot be addressed');
  });

  it('maps to 2.0.1 with connector 1 unless one is named', () => {
    expectCall('2.0.1', unlock(2), { action: 'UnlockConnector', payload: { evseId: 2, connectorId: 1 } });
    expectCall('2.0.1', unlock(2, 2), { action: 'UnlockConnector', payload: { evseId: 2, connectorId: 2 } });
  });

  it('refuses an unlock without an EVSE', () => {
    expectRefusal('1.6', unlock(0), 'needs an EVSE id');
    expectRefusal('2.0.1', unlock(0), 'needs an EVSE id');
  });

  it('normalises the unlock answers of both versions', () => {
    const command = unlock(1);
    expect(fromOcppResponse('1.6', command, validAnswer('1.6', 'UnlockConnector', { status: 'Unlocked' }))).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Unlocked' },
    });
    expect(fromOcppResponse('1.6', command, validAnswer('1.6', 'UnlockConnector', { status: 'UnlockFailed' }))).toStrictEqual({
      accepted: false,
      result: { status: 'Failed', stationStatus: 'UnlockFailed' },
    });
    expect(fromOcppResponse('2.0.1', command, validAnswer('2.0.1', 'UnlockConnector', { status: 'OngoingAuthorizedTransaction' }))).toStrictEqual({
      accepted: false,
      result: { status: 'Rejected', stationStatus: 'OngoingAuthorizedTransaction' },
    });
    expect(fromOcppResponse('2.0.1', command, validAnswer('2.0.1', 'UnlockConnector', { status: 'UnknownConnector' }))).toStrictEqual({
      accepted: false,
      result: { status: 'NotFound', stationStatus: 'UnknownConnector' },
    });
  });
});

describe('change availability', () => {
  it('maps to 1.6 with connectorId 0 for the station and the EVSE id otherwise', () => {
    expectCall('1.6', availability(false), { action: 'ChangeAvailability', payload: { connectorId: 0, type: 'Inoperative' } });
    expectCall('1.6', availability(true, 2), { action: 'ChangeAvailability', payload: { connectorId: 2, type: 'Operative' } });
  });

  it('maps to 2.0.1 without evse for the station, with evse and connector otherwise', () => {
    expectCall('2.0.1', availability(false), { action: 'ChangeAvailability', payload: { operationalStatus: 'Inoperative' } });
    expectCall('2.0.1', availability(true, 2), { action: 'ChangeAvailability', payload: { operationalStatus: 'Operative', evse: { id: 2 } } });
    expectCall('2.0.1', availability(true, 2, 2), {
      action: 'ChangeAvailability',
      payload: { operationalStatus: 'Operative', evse: { id: 2, connectorId: 2 } },
    });
  });

  it('refuses a connector without its EVSE, and a second connector in 1.6', () => {
    expectRefusal('2.0.1', availability(true, 0, 1), 'connector 1 needs an EVSE id');
    expectRefusal('1.6', availability(true, 0, 1), 'connector 1 needs an EVSE id');
    expectRefusal('1.6', availability(true, 1, 2), 'cannot be addressed');
  });

  it('counts a Scheduled change (after the running transaction) as accepted', () => {
    const answer = validAnswer('1.6', 'ChangeAvailability', { status: 'Scheduled' });
    expect(fromOcppResponse('1.6', availability(false, 1), answer)).toStrictEqual({ accepted: true, result: { status: 'Scheduled', stationStatus: 'Scheduled' } });
  });
});
