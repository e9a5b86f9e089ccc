import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { CommandLogRecorder } from './command-log.recorder';
import { CommandLogRepository } from './command-log.repository';
import { CommandMetrics } from './command.metrics';

/** The history and metrics of the commands this replica runs on its stations (GET /api/commands reads it). */
@Module({
  imports: [ConnectionPersistenceModule],
  providers: [CommandLogRepository, CommandLogRecorder, CommandMetrics],
  exports: [CommandLogRecorder, CommandMetrics],
})
export class CommandLogModule {}
