import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, kind, purpose, rateUnit, validAnswer } from './station-command.fixtures';

const profile = { id: 77, stackLevel: 3, purpose: purpose.stationMax, kind: kind.absolute, schedule: { rateUnit: rateUnit.ampere, periods: [{ startPeriodSeconds: 0, limit: 8 }] } };
const sender = { originService: 'connection', actor: 'ops-token', commandId: 'cmd-1' };

describe('answers that change the profiles a station holds', () => {
  it('publishes an accepted SetChargingProfile as charging_profile_installed, naming who sent it', () => {
    const command = commandWith({ case: 'setChargingProfile', value: { evseId: 0, profile } }, sender);
    const response = fromOcppResponse('1.6', command, validAnswer('1.6', 'SetChargingProfile', { status: 'Accepted' }));
    expect(response.accepted).toBe(true);
    expect(response.event).toMatchObject({ case: 'chargingProfileInstalled', value: { evseId: 0, originService: 'connection', actor: 'ops-token', commandId: 'cmd-1', profile: { id: 77, stackLevel: 3 } } });
  });

  it('publishes nothing for a profile the station refused', () => {
    const command = commandWith({ case: 'setChargingProfile', value: { evseId: 0, profile } }, sender);
    expect(fromOcppResponse('2.0.1', command, validAnswer('2.0.1', 'SetChargingProfile', { status: 'Rejected' })).event).toBeUndefined();
  });

  it('publishes an accepted ClearChargingProfile with its criteria as charging_profiles_cleared', () => {
    const command = commandWith({ case: 'clearChargingProfile', value: { evseId: 2, purpose: purpose.tx, stackLevel: 0, hasStackLevel: true } }, sender);
    const response = fromOcppResponse('2.0.1', command, validAnswer('2.0.1', 'ClearChargingProfile', { status: 'Accepted' }));
    expect(response.event).toMatchObject({ case: 'chargingProfilesCleared', value: { profileId: 0, evseId: 2, purpose: purpose.tx, hasStackLevel: true, originService: 'connection', actor: 'ops-token' } });
    const unknown = fromOcppResponse('1.6', command, validAnswer('1.6', 'ClearChargingProfile', { status: 'Unknown' }));
    expect(unknown.event).toBeUndefined();
  });
});
