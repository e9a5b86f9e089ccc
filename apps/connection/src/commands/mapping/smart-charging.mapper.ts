import type { Ocpp201, OcppVersion } from '@app/ocpp';
import { type CallMapping, type Mapped, byVersion, call, mapAll, mapped, refuse } from './call-mapping';
import { chargingProfile16, chargingProfile201 } from './charging-profile.mapper';
import {
  EXTERNAL_CONSTRAINTS_REFUSED,
  STATION_MAX_PROFILE,
  TX_PROFILE,
  isExternalConstraints,
  limitSourceNames,
  purposeNames,
  purposeNames201,
  rateUnitNames,
} from './charging-profile.vocabulary';
import { type CommandResponse, statusResponse } from './command-response';
import type { BodyOf, NeutralLimitSource } from './neutral-command.types';
import { compact, nonEmptyList, positive } from './payload-fields';
import { requestIdOf } from './request-id';
import type { JsonObject } from './response-fields';

// SetChargingProfile, ClearChargingProfile, GetCompositeSchedule and GetChargingProfiles. The 1.6
// connectorId is the neutral EVSE id (0 = the station), as everywhere in this mapping.

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
  if (isExternalConstraints(clear.purpose)) return refuse(EXTERNAL_CONSTRAINTS_REFUSED);
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

type LimitSources = NonNullable<Ocpp201.ChargingProfileCriterionType['chargingLimitSource']>;

/** The sources as the schema wants them: one to four different ones. */
function limitSources(sources: readonly NeutralLimitSource[]): Mapped<LimitSources | undefined> {
  const names = mapAll(sources, (source) => {
    const name = limitSourceNames[source];
    return name === undefined ? refuse('a charging limit source criterion is unspecified') : mapped(name);
  });
  if (!names.ok) return names;
  const [first, second, third, fourth] = [...new Set(names.value)];
  if (first === undefined) return mapped(undefined);
  if (second === undefined) return mapped([first]);
  if (third === undefined) return mapped([first, second]);
  return mapped(fourth === undefined ? [first, second, third] : [first, second, third, fourth]);
}

/**
 * 2.0.1 GetChargingProfiles with the criteria given (unset ones match anything). 1.6 stations
 * cannot list the profiles they hold; GetCompositeSchedule shows what they make of them.
 */
export function getChargingProfilesCall(version: OcppVersion, get: BodyOf<'getChargingProfiles'>, commandId: string): CallMapping {
  return byVersion(version, {
    '1.6': () => refuse('OCPP 1.6 has no GetChargingProfiles: a 1.6 station cannot list its charging profiles (get_composite_schedule shows their effect)'),
    '2.0.1': () => {
      const requestId = requestIdOf(get.requestId, commandId);
      if (!requestId.ok) return requestId;
      const sources = limitSources(get.sources);
      if (!sources.ok) return sources;
      const chargingProfile = compact({
        chargingProfilePurpose: purposeNames201[get.purpose],
        stackLevel: get.stackLevel,
        chargingProfileId: nonEmptyList(get.profileIds),
        chargingLimitSource: sources.value,
      });
      return call('2.0.1', 'GetChargingProfiles', compact({ requestId: requestId.value, evseId: get.evseId, chargingProfile }));
    },
  });
}

/** Accepted (the profiles follow as charging_profiles_reported events with `requestId`) or NoProfiles (NotFound). */
export function getChargingProfilesResponse(get: BodyOf<'getChargingProfiles'>, payload: JsonObject, commandId: string): CommandResponse {
  const requestId = requestIdOf(get.requestId, commandId);
  return statusResponse(payload, { requestId: requestId.ok ? requestId.value : undefined });
}
