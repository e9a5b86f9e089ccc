import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { connectionSchema } from './connection-schema';
import { GroupCommits } from './group-commits';

/** The connection schema's DataSource, opened once and shared by every capability module. */
@Module({
  imports: [PersistenceModule.forService(connectionSchema)],
  providers: [GroupCommits],
  exports: [PersistenceModule, GroupCommits],
})
export class ConnectionPersistenceModule {}
