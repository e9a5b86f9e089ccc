import { RetentionModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { PKI_SCHEMA } from '../persistence/pki-schema';
import { PKI_RETENTION } from './pki-retention.targets';

/** The pki schema's retention (ADR 044): inbox, REST audit, security events. */
@Module({
  imports: [RetentionModule.forService({ schema: PKI_SCHEMA, targets: PKI_RETENTION, persistence: PkiPersistenceModule })],
})
export class PkiRetentionModule {}
