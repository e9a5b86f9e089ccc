// Everything the operator API uses from the station core, in one place: the API reads the core's
// tables with its own queries (so the core may change its internals freely) and goes through the
// core for the few writes that carry rules (accepting a pending station, saving an id token).
// When the core's schema changes, this file and the API's queries are what to adapt.

export { CONNECTION_SCHEMA } from '../persistence/connection-schema';
export { BOOT_HISTORY_TABLE, COMMAND_LOG_TABLE, CONNECTION_HISTORY_TABLE, NOTIFICATION_HISTORY_TABLE, REPORTED_PROFILE_TABLE, STATUS_HISTORY_TABLE } from '../persistence/history-tables';
export { type SqlExecutor, queryRows } from '@app/persistence';
export { hashPassword, isAcceptablePasswordLength, verifyPassword } from '../security/password-hash';
export { type StationPasswordForm, authorizationKeyOf, generateStationPassword, passwordForms } from '../security/station-password.generator';
export { StationRepository } from '../stations/station.repository';
export { StationRegistryError, StationRegistryErrorCode } from '../stations/station-registry.error';
export { type RegistrationStatus, registrationStatuses } from '../stations/registration-status';
export { IdTokenRepository } from '../authorization/id-token.repository';
export type { StoredIdToken } from '../authorization/id-token';
export { StationMonitorRepository } from '../monitoring/station-monitor.repository';
export { reservationStatuses, type Reservation, type ReservationStatus } from '../reservations/reservation';
export { RESERVATION_COLUMNS, ReservationRepository, type ReservationRow, reservationOf } from '../reservations/reservation.repository';
export { statusAfterReserveNow } from '../reservations/reservation.rules';
export { CredentialProvisioningRepository, type ProvisioningRecord } from '../credentials/credential-provisioning.repository';
export { CredentialsModule } from '../credentials/credentials.module';
export { provisioningStates } from '../credentials/credential-provisioning';
