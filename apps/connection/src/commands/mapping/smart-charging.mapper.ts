import type { OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, refuse } from './call-mapping';
import { chargingProfile16, chargingProfile201 } from './charging-profile.mapper';
import { STATION_MAX_PROFILE, TX_PROFILE, purposeNames, rateUnitNames } from './charging-profile.vocabulary';
import type { BodyOf } from './neutral-command.types';
import { compact, positive } from './payload-fields';

// SetChargingProfile, ClearChargingProfile and GetCompositeSchedule. The 1.6 connectorId is the
// neutral EVSE id (0 = the station), as everywhere in this mapping.

/** A station-max profile applies to the whole station, a TxProfile to one EVSE (both versions say so). */
function checkTarget(set: BodyOf<'setChargingProfile'>): string | undefined {
  const purpose = set.profile === undefined ? undefined : purposeNames[set.profile.purpose];
  if (purpose === STATION_MAX_PROFILE && set.evseId !== 0) return `a station-max profile applies to the whole station, not to EVSE ${set.evseId}`;
  if (purpose === TX_PROFILE && set.evseId === 0) return 'a TxProfile applies to the transaction on one EVSE: evse_id must not be 0';
  return undefined;
}

export function setChargingProfileCall(version: OcppVersion, set: BodyOf<'setChargingProfile'>): CallMapping {
  const profile = set.profile;
  if (profile === undefined) return refuse('set_charging_profile has no profile');
  const wrongTarget = checkTarget(set);
  if (wrongTarget !== undefined) return refuse(wrongTarget);
  return byVersion(version, {
    '1.6': () => {
      const csChargingProfiles = chargingProfile16(profile, 'set-charging-profile');
      return csChargingProfiles.ok ? call('1.6', 'SetChargingProfile', { connectorId: set.evseId, csChargingProfiles: csChargingProfiles.value }) : csChargingProfiles;
    },
    '2.0.1': () => {
      const chargingProfile = chargingProfile201(profile, 'set-charging-profile');
      return chargingProfile.ok ? call('2.0.1', 'SetChargingProfile', { evseId: set.evseId, chargingProfile: chargingProfile.value }) : chargingProfile;
    },
  });
}

/** Every criterion left 0 matches anything; a command with none clears every profile. */
export function clearChargingProfileCall(version: OcppVersion, clear: BodyOf<'clearChargingProfile'>): CallMapping {
  const purpose = purposeNames[clear.purpose];
  const stackLevel = clear.hasStackLevel || clear.stackLevel > 0 ? clear.stackLevel : undefined;
  return byVersion(version, {
    '1.6': () =>
      call(
        '1.6',
        'ClearChargingProfile',
        compact({ id: positive(clear.profileId), connectorId: positive(clear.evseId), chargingProfilePurpose: purpose?.['1.6'], stackLevel }),
      ),
    '2.0.1': () => {
      const criteria = compact({ evseId: positive(clear.evseId), chargingProfilePurpose: purpose?.['2.0.1'], stackLevel });
      return call(
        '2.0.1',
        'ClearChargingProfile',
        compact({ chargingProfileId: positive(clear.profileId), chargingProfileCriteria: Object.keys(criteria).length > 0 ? criteria : undefined }),
      );
    },
  });
}

export function getCompositeScheduleCall(version: OcppVersion, get: BodyOf<'getCompositeSchedule'>): CallMapping {
  if (get.durationSeconds === 0) return refuse('a composite schedule needs a duration');
  const chargingRateUnit = rateUnitNames[get.rateUnit];
  return byVersion(version, {
    '1.6': () => call('1.6', 'GetCompositeSchedule', compact({ connectorId: get.evseId, duration: get.durationSeconds, chargingRateUnit })),
    '2.0.1': () => call('2.0.1', 'GetCompositeSchedule', compact({ evseId: get.evseId, duration: get.durationSeconds, chargingRateUnit })),
  });
}
