export { connectionService } from './connection.definition';
export { hashPassword } from './security/password-hash';
