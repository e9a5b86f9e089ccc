export { CONNECTION_DEFAULT_HTTP_PORT, connectionService } from './connection.definition';
export { connectionSchema } from './persistence/connection-schema';
export { hashPassword, verifyPassword } from './security/password-hash';
export { type GeneratedStationPassword, type StationPasswordForm, authorizationKeyOf, generateStationPassword } from './security/station-password.generator';
// For the e2e checks of the OpenAPI document: every operator endpoint, every command.
export { operatorApiControllers } from './api/api.module';
export { commandNames } from './api/commands/command-catalogue';
