export { connectionService } from './connection.definition';
