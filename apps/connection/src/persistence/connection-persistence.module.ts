import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { connectionSchema } from './connection-schema';

/** The connection schema's DataSource, opened once and shared by every capability module. */
@Module({
  imports: [PersistenceModule.forService(connectionSchema)],
  exports: [PersistenceModule],
})
export class ConnectionPersistenceModule {}
