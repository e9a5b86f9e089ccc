import { Module } from '@nestjs/common';
import { AuditModule, auditControllers } from './audit/audit.module';
import { smartChargingAuditTrail } from './audit/smart-charging-audit-trail.module';
import { LimitsModule, limitsControllers } from './limits/limits.module';
import { OscpModule, oscpApiControllers } from './oscp/oscp.module';
import { SmartChargingPersistenceModule } from './persistence/smart-charging-persistence.module';
import { SiteControlModule, siteControlControllers } from './site-control/site-control.module';
import { TopologyModule, topologyControllers } from './topology/topology.module';

/** Every controller of the smart-charging REST API (behind API tokens), for the role-matrix spec. */
export const smartChargingApiControllers = [...topologyControllers, ...limitsControllers, ...auditControllers, ...siteControlControllers, ...oscpApiControllers];

/**
 * Smart charging: site topologies, limit schedules (LimitScheduleStore is exported for the
 * service's own writers, e.g. OSCP), their audit log, and the loop that allocates each site's
 * capacity and sends the stations their profiles (site-control/), and OSCP 2.0 towards grid
 * operators' Capacity Providers (oscp/).
 */
@Module({
  imports: [SmartChargingPersistenceModule, TopologyModule, LimitsModule, AuditModule, SiteControlModule, OscpModule, smartChargingAuditTrail(smartChargingApiControllers)],
  exports: [LimitsModule, TopologyModule],
})
export class SmartChargingModule {}
