import { fromOcppResponse } from './from-ocpp-response';
import type { NeutralProfilePurpose } from './neutral-command.types';
import { commandWith, expectCall, expectRefusal, kind, purpose, rateUnit, validAnswer } from './station-command.fixtures';

const schedule = { rateUnit: rateUnit.watt, periods: [{ startPeriodSeconds: 0, limit: 11000 }] };
const setProfile = (evseId: number, profilePurpose: NeutralProfilePurpose) =>
  commandWith({ case: 'setChargingProfile', value: { evseId, profile: { id: 1, purpose: profilePurpose, kind: kind.absolute, schedule } } });
const clear = (value: object) => commandWith({ case: 'clearChargingProfile', value });
const composite = (value: object) => commandWith({ case: 'getCompositeSchedule', value });

describe('set charging profile', () => {
  it('refuses a profile aimed at the wrong target', () => {
    expectRefusal('1.6', setProfile(1, purpose.stationMax), 'a station-max profile applies to the whole station, not to EVSE 1');
    expectRefusal('2.0.1', setProfile(0, purpose.tx), 'a TxProfile applies to the transaction on one EVSE');
    expectRefusal('2.0.1', commandWith({ case: 'setChargingProfile', value: { evseId: 1 } }), 'has no profile');
  });

  it('maps the station status (1.6 NotSupported: no smart charging)', () => {
    const answer = validAnswer('1.6', 'SetChargingProfile', { status: 'NotSupported' });
    expect(fromOcppResponse('1.6', setProfile(1, purpose.txDefault), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'NotSupported', stationStatus: 'NotSupported' },
    });
  });
});

describe('clear charging profile', () => {
  it('maps every criterion to 1.6', () => {
    expectCall('1.6', clear({ profileId: 5, evseId: 1, purpose: purpose.stationMax, stackLevel: 0, hasStackLevel: true }), {
      action: 'ClearChargingProfile',
      payload: { id: 5, connectorId: 1, chargingProfilePurpose: 'ChargePointMaxProfile', stackLevel: 0 },
    });
  });

  it('maps every criterion to 2.0.1 chargingProfileCriteria', () => {
    expectCall('2.0.1', clear({ profileId: 5, evseId: 1, purpose: purpose.stationMax, stackLevel: 3 }), {
      action: 'ClearChargingProfile',
      payload: { chargingProfileId: 5, chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: 'ChargingStationMaxProfile', stackLevel: 3 } },
    });
  });

  it('clears every profile when no criterion is given', () => {
    expectCall('1.6', clear({}), { action: 'ClearChargingProfile', payload: {} });
    expectCall('2.0.1', clear({}), { action: 'ClearChargingProfile', payload: {} });
    expectCall('2.0.1', clear({ profileId: 9 }), { action: 'ClearChargingProfile', payload: { chargingProfileId: 9 } });
  });

  it('reads Unknown (no such profile) as not found', () => {
    const answer = validAnswer('2.0.1', 'ClearChargingProfile', { status: 'Unknown' });
    expect(fromOcppResponse('2.0.1', clear({ profileId: 9 }), answer)).toStrictEqual({ accepted: false, result: { status: 'NotFound', stationStatus: 'Unknown' } });
  });
});

describe('get composite schedule', () => {
  it('maps to 1.6 with the connector and to 2.0.1 with the EVSE', () => {
    expectCall('1.6', composite({ evseId: 1, durationSeconds: 3600, rateUnit: rateUnit.ampere }), {
      action: 'GetCompositeSchedule',
      payload: { connectorId: 1, duration: 3600, chargingRateUnit: 'A' },
    });
    expectCall('2.0.1', composite({ evseId: 0, durationSeconds: 600 }), { action: 'GetCompositeSchedule', payload: { evseId: 0, duration: 600 } });
  });

  it('refuses a schedule without a duration', () => {
    expectRefusal('1.6', composite({ evseId: 1 }), 'needs a duration');
  });
});
