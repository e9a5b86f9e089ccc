import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { connectionSchema } from './connection-schema';
import { GroupCommits } from './group-commits';

/**
 * The connection schema's DataSource, opened once and shared by every capability module, and the
 * gateway's small registry pool beside it (ADR 033).
 */
@Module({
  imports: [PersistenceModule.forService(connectionSchema, { registryPool: true })],
  providers: [GroupCommits],
  exports: [PersistenceModule, GroupCommits],
})
export class ConnectionPersistenceModule {}
