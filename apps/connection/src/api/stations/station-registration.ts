import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import type { RegistrationStatus, StationPasswordForm } from '../station-core.port';
import type { RegisterStationBody } from './station.schemas';

/** What is registered for a station now, as far as a registration must know. */
export interface CurrentRegistration {
  securityProfile: number;
  hasPassword: boolean;
  serialNumber: string | null;
  registrationStatus: RegistrationStatus;
  /** The tenant the station belongs to (null: none); absent where it does not matter. */
  tenant?: string | null;
}

/** The row to write: every field resolved, the password still in clear (hashed by the caller). */
export interface RegistrationWrite {
  securityProfile: number;
  /** undefined: keep the stored hash (unless one is generated). */
  password: string | undefined;
  /** Generate the password, in this form (never together with `password`). */
  generatePassword: StationPasswordForm | undefined;
  serialNumber: string | null;
  registrationStatus: RegistrationStatus | undefined;
}

const NEW_STATION_PROFILE = 1;

/**
 * Registers a station or updates its registration; omitted fields keep their value (new stations:
 * profile 1, accepted). Refuses a registration a station could never connect with: profiles 1
 * and 2 need a password, profile 3 the serial number its certificate's CN must carry.
 */
export function decideRegistration(stationId: string, current: CurrentRegistration | undefined, body: RegisterStationBody): ApiResult<RegistrationWrite> {
  const securityProfile = body.securityProfile ?? current?.securityProfile ?? NEW_STATION_PROFILE;
  const hasPassword = body.password !== undefined || body.generatePassword !== undefined || (current?.hasPassword ?? false);
  const serialNumber = body.serialNumber === undefined ? (current?.serialNumber ?? null) : body.serialNumber;
  if ((securityProfile === 1 || securityProfile === 2) && !hasPassword) {
    return failed(OperatorApiErrorCode.credentialsMissing, `station ${stationId} on security profile ${securityProfile} needs a Basic-auth password`, { field: 'body.password' });
  }
  if (securityProfile === 3 && serialNumber === null) {
    return failed(OperatorApiErrorCode.credentialsMissing, `station ${stationId} on security profile 3 needs the serial number its client certificate carries`, {
      field: 'body.serialNumber',
    });
  }
  return succeeded({ securityProfile, password: body.password, generatePassword: body.generatePassword, serialNumber, registrationStatus: body.registrationStatus });
}
