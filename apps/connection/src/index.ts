export { connectionService } from './connection.definition';
export { hashPassword } from './security/password-hash';
// For the e2e checks of the OpenAPI document: every operator endpoint, every command.
export { operatorApiControllers } from './api/api.module';
export { commandNames } from './api/commands/command-catalogue';
