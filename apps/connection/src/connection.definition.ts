import type { ServiceDefinition } from '@app/runtime';
import { ConnectionModule } from './connection.module';
import { mountConsole } from './console/console.mount';

/** The HTTP port the service listens on when it runs alone (HTTP_PORT overrides it). */
export const CONNECTION_DEFAULT_HTTP_PORT = 3000;

export const connectionService: ServiceDefinition = {
  name: 'connection',
  module: ConnectionModule,
  title: 'CSMS connection (OCPP gateway, stations)',
  // The operator console is served where the stations' API is (embedded: with all three).
  mountHttp: mountConsole,
};
