import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { pkiSchema } from './pki-schema';

/** The pki schema's DataSource, opened once and shared by every capability module. */
@Module({
  imports: [PersistenceModule.forService(pkiSchema)],
  exports: [PersistenceModule],
})
export class PkiPersistenceModule {}
