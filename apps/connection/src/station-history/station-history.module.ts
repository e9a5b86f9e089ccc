import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationHistoryRecorder } from './station-history.recorder';
import { StationHistoryRepository } from './station-history.repository';

/** Boots, connector statuses, connections and notifications of every station, for GET /api/stations/{id}/history. */
@Module({
  imports: [ConnectionPersistenceModule],
  providers: [StationHistoryRepository, StationHistoryRecorder],
  exports: [StationHistoryRecorder],
})
export class StationHistoryModule {}
