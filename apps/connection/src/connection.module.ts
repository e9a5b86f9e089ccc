import { PersistenceModule, inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { CONNECTION_SCHEMA, connectionSchema } from './persistence/connection-schema';
import { StationEventEmitter } from './station-events/station-event.emitter';
import { SyntheticEventController } from './station-events/synthetic-event.controller';

@Module({
  imports: [PersistenceModule.forService(connectionSchema)],
  controllers: [SyntheticEventController, inboxController('connection', CONNECTION_SCHEMA)],
  providers: [StationEventEmitter],
  exports: [StationEventEmitter],
})
export class ConnectionModule {}
