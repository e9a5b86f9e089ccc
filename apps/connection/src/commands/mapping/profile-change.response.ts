import { create } from '@bufbuild/protobuf';
import { ChargingProfileInstalledSchema, ChargingProfilesClearedSchema, type StationCommand } from '@app/contracts';
import { type CommandResponse, statusResponse } from './command-response';
import type { BodyOf } from './neutral-command.types';
import type { JsonObject } from './response-fields';

/** Who sent the command, as the events of an answer carry it (a backend tells its own profiles from others'). */
function senderOf(command: StationCommand) {
  return { originService: command.originService, actor: command.actor, commandId: command.commandId };
}

/**
 * The answer to a SetChargingProfile: when the station accepted it, it now holds the profile, which
 * every backend learns as a charging_profile_installed event naming who set it (docs/adr/018).
 */
export function setChargingProfileResponse(command: StationCommand, set: BodyOf<'setChargingProfile'>, payload: JsonObject): CommandResponse {
  const response = statusResponse(payload);
  if (!response.accepted || set.profile === undefined) return response;
  return { ...response, event: { case: 'chargingProfileInstalled', value: create(ChargingProfileInstalledSchema, { evseId: set.evseId, profile: set.profile, ...senderOf(command) }) } };
}

/** The answer to a ClearChargingProfile: when accepted, the criteria as a charging_profiles_cleared event. */
export function clearChargingProfileResponse(command: StationCommand, clear: BodyOf<'clearChargingProfile'>, payload: JsonObject): CommandResponse {
  const response = statusResponse(payload);
  if (!response.accepted) return response;
  const { profileId, evseId, purpose, stackLevel, hasStackLevel } = clear;
  return {
    ...response,
    event: { case: 'chargingProfilesCleared', value: create(ChargingProfilesClearedSchema, { profileId, evseId, purpose, stackLevel, hasStackLevel, ...senderOf(command) }) },
  };
}
