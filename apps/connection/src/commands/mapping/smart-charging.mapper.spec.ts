import { fromOcppResponse } from './from-ocpp-response';
import type { NeutralProfilePurpose } from './neutral-command.types';
import { derivedRequestId } from './request-id';
import { commandWith, expectCall, expectRefusal, kind, purpose, rateUnit, source, validAnswer } from './station-command.fixtures';
import { toOcppCall } from './to-ocpp-call';

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

describe('external constraints', () => {
  it('are never set, given at remote start or cleared by a command', () => {
    expectRefusal('2.0.1', setProfile(0, purpose.externalConstraints), 'set by systems outside the CSMS');
    expectRefusal('1.6', clear({ purpose: purpose.externalConstraints }), 'set by systems outside the CSMS');
    const remoteStart = commandWith({
      case: 'remoteStart',
      value: { evseId: 1, idToken: { value: 'TAG' }, chargingProfile: { id: 1, purpose: purpose.externalConstraints, kind: kind.absolute, schedule } },
    });
    expectRefusal('2.0.1', remoteStart, 'set by systems outside the CSMS');
  });
});

describe('get charging profiles', () => {
  const get = (value: object, commandId?: string) => commandWith({ case: 'getChargingProfiles', value }, { commandId });

  it('maps every criterion to 2.0.1, the sources once each', () => {
    const command = get({ requestId: 12n, evseId: 1, purpose: purpose.tx, stackLevel: 0, profileIds: [3, 4], sources: [source.cso, source.ems, source.cso] });
    expectCall('2.0.1', command, {
      action: 'GetChargingProfiles',
      payload: {
        requestId: 12,
        evseId: 1,
        chargingProfile: { chargingProfilePurpose: 'TxProfile', stackLevel: 0, chargingProfileId: [3, 4], chargingLimitSource: ['CSO', 'EMS'] },
      },
    });
  });

  it('asks for every profile when no criterion is given, and for station-wide ones with EVSE 0', () => {
    expectCall('2.0.1', get({ requestId: 1n }), { action: 'GetChargingProfiles', payload: { requestId: 1, chargingProfile: {} } });
    expectCall('2.0.1', get({ requestId: 1n, evseId: 0, purpose: purpose.externalConstraints }), {
      action: 'GetChargingProfiles',
      payload: { requestId: 1, evseId: 0, chargingProfile: { chargingProfilePurpose: 'ChargingStationExternalConstraints' } },
    });
  });

  it('derives the request id from the command id when none is given, and names it in the result', () => {
    const command = get({}, 'cmd-profiles');
    const mapping = toOcppCall('2.0.1', command);
    expect(mapping).toMatchObject({ ok: true, payload: { requestId: derivedRequestId('cmd-profiles') } });
    const answer = validAnswer('2.0.1', 'GetChargingProfiles', { status: 'Accepted' });
    expect(fromOcppResponse('2.0.1', command, answer)).toStrictEqual({
      accepted: true,
      result: { status: 'Accepted', stationStatus: 'Accepted', requestId: derivedRequestId('cmd-profiles') },
    });
  });

  it('reads NoProfiles as not found', () => {
    const answer = validAnswer('2.0.1', 'GetChargingProfiles', { status: 'NoProfiles' });
    expect(fromOcppResponse('2.0.1', get({ requestId: 5n }), answer)).toStrictEqual({
      accepted: false,
      result: { status: 'NotFound', stationStatus: 'NoProfiles', requestId: 5 },
    });
  });

  it('refuses an unspecified source and a 1.6 station, which cannot list its profiles', () => {
    expectRefusal('2.0.1', get({ sources: [source.unspecified] }), 'unspecified');
    expectRefusal('1.6', get({ requestId: 1n }), 'OCPP 1.6 has no GetChargingProfiles');
  });
});
