import { RetentionModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { CONNECTION_RETENTION } from './connection-retention.targets';

/** The connection schema's retention (ADR 044): inbox, audit, meter samples, transaction events and history. */
@Module({
  imports: [RetentionModule.forService({ schema: CONNECTION_SCHEMA, targets: CONNECTION_RETENTION, persistence: ConnectionPersistenceModule })],
})
export class ConnectionRetentionModule {}
