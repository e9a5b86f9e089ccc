import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { HistoryPruner } from './history-pruner';

/** HISTORY_RETENTION_DAYS for the history tables of the connection schema. */
@Module({
  imports: [ConnectionPersistenceModule],
  providers: [HistoryPruner],
})
export class RetentionModule {}
