import { inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { AuditModule, auditControllers } from './audit/audit.module';
import { LimitsModule, limitsControllers } from './limits/limits.module';
import { SmartChargingPersistenceModule } from './persistence/smart-charging-persistence.module';
import { SMART_CHARGING_SCHEMA } from './persistence/smart-charging-schema';
import { SiteControlModule, siteControlControllers } from './site-control/site-control.module';
import { TopologyModule, topologyControllers } from './topology/topology.module';

/** Every controller of the smart-charging REST API (behind API tokens), for the role-matrix spec. */
export const smartChargingApiControllers = [...topologyControllers, ...limitsControllers, ...auditControllers, ...siteControlControllers];

/**
 * Smart charging: site topologies, limit schedules (LimitScheduleStore is exported for the
 * service's dispatch and OSCP parts) and their audit log.
 */
@Module({
  imports: [SmartChargingPersistenceModule, TopologyModule, LimitsModule, AuditModule, SiteControlModule],
  controllers: [inboxController('smart-charging', SMART_CHARGING_SCHEMA)],
  exports: [LimitsModule, TopologyModule],
})
export class SmartChargingModule {}
