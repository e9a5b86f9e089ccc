import { PersistenceModule, inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { PKI_SCHEMA, pkiSchema } from './persistence/pki-schema';
import { StationEventConsumer } from './station-events/station-event.consumer';

@Module({
  imports: [PersistenceModule.forService(pkiSchema)],
  controllers: [inboxController('pki', PKI_SCHEMA)],
  providers: [StationEventConsumer],
})
export class PkiModule {}
