import type { StationCommand } from '@app/contracts';
import type { OcppVersion } from '@app/ocpp';
import { type CommandResponse, statusResponse } from './command-response';
import { chargingCapabilitiesResponse } from './charging-capabilities.mapper';
import { compositeScheduleResponse } from './composite-schedule.mapper';
import { getConfigurationResponse, setConfigurationResponse } from './configuration-response.mapper';
import { dataTransferResponse } from './data-transfer.mapper';
import { getLogResponse, updateFirmwareResponse } from './firmware-and-log.mapper';
import { installedCertificatesResponse } from './installed-certificates.mapper';
import { localListVersionResponse } from './local-list.mapper';
import { rawCallResponse } from './raw-call.mapper';
import { reservationResponse } from './reservation.mapper';
import { type JsonObject, asJsonObject } from './response-fields';
import { clearChargingProfileResponse, setChargingProfileResponse } from './profile-change.response';
import { getChargingProfilesResponse } from './smart-charging.mapper';
import { remoteStartResponse } from './transaction-commands.mapper';

/**
 * A station's CALLRESULT to the call `toOcppCall(version, command)` made, in version-neutral form.
 * `accepted` says whether the station took the command on (see station-status.ts); `result`
 * carries the neutral `status`, the station's own `stationStatus` (when it sent one) and what the
 * command asked for. A raw call's result is the station's payload as sent.
 */
export function fromOcppResponse(version: OcppVersion, command: StationCommand, responsePayload: unknown): CommandResponse {
  const payload = asJsonObject(responsePayload);
  const body = command.body;
  switch (body.case) {
    case 'rawCall':
      return rawCallResponse(payload);
    case 'remoteStart':
      return remoteStartResponse(version, body.value, payload, command.commandId);
    case 'getConfiguration':
      return getConfigurationResponse(version, payload);
    case 'setConfiguration':
      return setConfigurationResponse(version, body.value, payload);
    case 'getCompositeSchedule':
      return compositeScheduleResponse(version, body.value, payload);
    case 'updateFirmware':
      return updateFirmwareResponse(version, body.value, payload, command.commandId);
    case 'getLog':
      return getLogResponse(version, body.value, payload, command.commandId);
    case 'getInstalledCertificateIds':
      return installedCertificatesResponse(version, body.value, payload);
    case 'dataTransfer':
      return dataTransferResponse(payload);
    case 'getLocalListVersion':
      return localListVersionResponse(version, payload);
    case 'getChargingProfiles':
      return getChargingProfilesResponse(body.value, payload, command.commandId);
    case 'getChargingCapabilities':
      return chargingCapabilitiesResponse(version, payload);
    case 'setChargingProfile':
      return setChargingProfileResponse(command, body.value, payload);
    case 'clearChargingProfile':
      return clearChargingProfileResponse(command, body.value, payload);
    case 'reserveNow':
    case 'cancelReservation':
      return reservationResponse(body.value.reservationId, payload);
    // The answers to these carry a status and nothing else worth mapping.
    case 'remoteStop':
    case 'reset':
    case 'unlockConnector':
    case 'changeAvailability':
    case 'triggerMessage':
    case 'clearCache':
    case 'certificateSigned':
    case 'installCertificate':
    case 'deleteCertificate':
    case 'sendLocalList':
      return statusResponse(payload);
    case undefined: // toOcppCall refuses a command without a body, so there is no answer to map
    case 'dropConnection': // nor a drop_connection, which is no OCPP call
      return rawCallResponse(payload);
    default:
      return unmapped(body, payload);
  }
}

/** Reached only by a body case the switch above lacks, which the compiler reports as an error here. */
function unmapped(_body: never, payload: JsonObject): CommandResponse {
  return rawCallResponse(payload);
}
