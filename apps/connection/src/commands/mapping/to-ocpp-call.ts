import type { StationCommand } from '@app/contracts';
import { type OcppVersion, validateCall } from '@app/ocpp';
import { changeAvailabilityCall, resetCall, unlockConnectorCall } from './availability.mapper';
import { type CallMapping, refuse } from './call-mapping';
import { certificateSignedCall, deleteCertificateCall, getInstalledCertificateIdsCall, installCertificateCall } from './certificate.mapper';
import { getConfigurationCall, setConfigurationCall } from './configuration.mapper';
import { dataTransferCall } from './data-transfer.mapper';
import { getLogCall, updateFirmwareCall } from './firmware-and-log.mapper';
import { clearCacheCall, getLocalListVersionCall, sendLocalListCall } from './local-list.mapper';
import { rawCall } from './raw-call.mapper';
import { cancelReservationCall, reserveNowCall } from './reservation.mapper';
import { getChargingCapabilitiesCall } from './charging-capabilities.mapper';
import { clearChargingProfileCall, getChargingProfilesCall, getCompositeScheduleCall, setChargingProfileCall } from './smart-charging.mapper';
import { remoteStartCall, remoteStopCall } from './transaction-commands.mapper';
import { triggerMessageCall } from './trigger-message.mapper';

function mapBody(version: OcppVersion, command: StationCommand): CallMapping {
  const body = command.body;
  switch (body.case) {
    case 'rawCall':
      return rawCall(body.value);
    case 'remoteStart':
      return remoteStartCall(version, body.value, command.commandId);
    case 'remoteStop':
      return remoteStopCall(version, body.value);
    case 'reset':
      return resetCall(version, body.value);
    case 'unlockConnector':
      return unlockConnectorCall(version, body.value);
    case 'changeAvailability':
      return changeAvailabilityCall(version, body.value);
    case 'triggerMessage':
      return triggerMessageCall(version, body.value);
    case 'getConfiguration':
      return getConfigurationCall(version, body.value);
    case 'setConfiguration':
      return setConfigurationCall(version, body.value);
    case 'setChargingProfile':
      return setChargingProfileCall(version, body.value);
    case 'clearChargingProfile':
      return clearChargingProfileCall(version, body.value);
    case 'getCompositeSchedule':
      return getCompositeScheduleCall(version, body.value);
    case 'clearCache':
      return clearCacheCall(version);
    case 'updateFirmware':
      return updateFirmwareCall(version, body.value, command.commandId, command.issuedAt);
    case 'getLog':
      return getLogCall(version, body.value, command.commandId);
    case 'certificateSigned':
      return certificateSignedCall(version, body.value);
    case 'installCertificate':
      return installCertificateCall(version, body.value);
    case 'deleteCertificate':
      return deleteCertificateCall(version, body.value);
    case 'getInstalledCertificateIds':
      return getInstalledCertificateIdsCall(version, body.value);
    case 'dataTransfer':
      return dataTransferCall(version, body.value);
    case 'sendLocalList':
      return sendLocalListCall(version, body.value);
    case 'getLocalListVersion':
      return getLocalListVersionCall(version);
    case 'getChargingProfiles':
      return getChargingProfilesCall(version, body.value, command.commandId);
    case 'getChargingCapabilities':
      return getChargingCapabilitiesCall(version);
    case 'reserveNow':
      return reserveNowCall(version, body.value);
    case 'cancelReservation':
      return cancelReservationCall(version, body.value);
    case 'dropConnection':
      return refuse('drop_connection is no OCPP call: the replica holding the station closes its socket');
    case undefined:
      return refuse('the command has no body');
    default:
      return unmapped(body);
  }
}

/** Reached only by a body case the switch above lacks, which the compiler reports as an error here. */
function unmapped(_body: never): CallMapping {
  return refuse('the command body has no mapping');
}

/**
 * The OCPP CALL that carries a version-neutral command to a station speaking `version`, or why
 * it cannot be sent. Every call is checked like the station will check it (a CSMS-initiated
 * action of that version, its OCA request schema), so a command that cannot be expressed is
 * refused here, before anything is sent.
 */
export function toOcppCall(version: OcppVersion, command: StationCommand): CallMapping {
  const mapping = mapBody(version, command);
  if (!mapping.ok) return mapping;
  const validation = validateCall(version, 'csms', mapping.action, mapping.payload);
  if (validation.ok) return mapping;
  return refuse(`the ${mapping.action} for OCPP ${version} is invalid: ${validation.error.description}`);
}
