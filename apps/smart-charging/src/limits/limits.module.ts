import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { LimitScheduleRepository } from './limit-schedule.repository';
import { LimitScheduleStore } from './limit-schedule.store';
import { LimitsController } from './limits.controller';
import { LimitsService } from './limits.service';

/** Every controller of this capability, for the role-matrix spec and the module. */
export const limitsControllers = [LimitsController];

/**
 * Limit schedules per node and source, their REST API (operators and grid operators) and the
 * effective limit. LimitScheduleStore is for the service's own writers and readers (OSCP,
 * station-reported limits, allocation, dispatch).
 */
@Module({
  imports: [SmartChargingPersistenceModule, AuditModule],
  controllers: limitsControllers,
  providers: [LimitScheduleRepository, LimitScheduleStore, LimitsService],
  exports: [LimitScheduleStore],
})
export class LimitsModule {}
