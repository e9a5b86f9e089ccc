import { Module } from '@nestjs/common';
import { CALL_GUARD } from '../gateway/call-handler.registry';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { ConnectorRepository } from './connector.repository';
import { LastSeenWriter } from './last-seen.writer';
import { StationRepository } from './station.repository';
import { StationRegistrations } from './station-registrations';

@Module({
  imports: [ConnectionPersistenceModule],
  providers: [StationRepository, ConnectorRepository, LastSeenWriter, StationRegistrations, { provide: CALL_GUARD, useExisting: StationRegistrations }],
  exports: [StationRepository, ConnectorRepository, StationRegistrations, CALL_GUARD],
})
export class StationsModule {}
