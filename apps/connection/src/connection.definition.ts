import type { ServiceDefinition } from '@app/runtime';
import { ConnectionModule } from './connection.module';

/** The HTTP port the service listens on when it runs alone (HTTP_PORT overrides it). */
export const CONNECTION_DEFAULT_HTTP_PORT = 3000;

export const connectionService: ServiceDefinition = {
  name: 'connection',
  module: ConnectionModule,
  title: 'CSMS connection (OCPP gateway, stations)',
};
