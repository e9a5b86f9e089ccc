import { inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { AuditModule, auditControllers } from './audit/audit.module';
import { LimitsModule, limitsControllers } from './limits/limits.module';
import { SmartChargingPersistenceModule } from './persistence/smart-charging-persistence.module';
import { SMART_CHARGING_SCHEMA } from './persistence/smart-charging-schema';
import { StationEventConsumer } from './station-events/station-event.consumer';
import { TopologyModule, topologyControllers } from './topology/topology.module';

/** Every controller of the smart-charging REST API (behind API tokens), for the role-matrix spec. */
export const smartChargingApiControllers = [...topologyControllers, ...limitsControllers, ...auditControllers];

/**
 * Smart charging: site topologies, limit schedules (LimitScheduleStore is exported for the
 * service's dispatch and OSCP parts) and their audit log.
 */
@Module({
  imports: [SmartChargingPersistenceModule, TopologyModule, LimitsModule, AuditModule],
  controllers: [inboxController('smart-charging', SMART_CHARGING_SCHEMA)],
  providers: [StationEventConsumer],
  exports: [LimitsModule, TopologyModule],
})
export class SmartChargingModule {}
