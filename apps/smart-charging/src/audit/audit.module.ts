import { Module } from '@nestjs/common';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { AuditLogRepository } from './audit-log.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** Every controller of this capability, for the role-matrix spec and the module. */
export const auditControllers = [AuditController];

/** The audit log of topology and limit changes: written by topology/ and limits/ (AuditLogRepository.record), served at GET /api/sites/{siteId}/audit. */
@Module({
  imports: [SmartChargingPersistenceModule],
  controllers: auditControllers,
  providers: [AuditLogRepository, AuditService],
  exports: [AuditLogRepository],
})
export class AuditModule {}
