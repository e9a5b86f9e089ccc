import type { ServiceDefinition } from '@app/runtime';
import { ConnectionModule } from './connection.module';

export const connectionService: ServiceDefinition = {
  name: 'connection',
  module: ConnectionModule,
  title: 'CSMS connection (OCPP gateway, stations)',
};
