import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule, auditControllers } from './audit/audit.module';
import { smartChargingAuditTrail } from './audit/smart-charging-audit-trail.module';
import { LimitsModule, limitsControllers } from './limits/limits.module';
import { OscpModule, oscpApiControllers } from './oscp/oscp.module';
import { SmartChargingPersistenceModule } from './persistence/smart-charging-persistence.module';
import { SiteControlModule, siteControlControllers } from './site-control/site-control.module';
import { SiteTenantAssignment } from './tenancy/site-tenant.assignment';
import { SiteTenantController } from './tenancy/site-tenant.controller';
import { SiteTenantRepository } from './tenancy/site-tenant.repository';
import { smartChargingTenantScope } from './tenancy/smart-charging-api.tenancy';
import { TopologyModule, topologyControllers } from './topology/topology.module';
import { SmartChargingRetentionModule } from './retention/retention.module';

/** Every controller of the smart-charging REST API (behind API tokens), for the role-matrix spec. */
export const smartChargingApiControllers = [...topologyControllers, SiteTenantController, ...limitsControllers, ...auditControllers, ...siteControlControllers, ...oscpApiControllers];

/**
 * Smart charging: site topologies, limit schedules (LimitScheduleStore is exported for the
 * service's own writers, e.g. OSCP), their audit log, and the loop that allocates each site's
 * capacity and sends the stations their profiles (site-control/), and OSCP 2.0 towards grid
 * operators' Capacity Providers (oscp/). Sites belong to tenants (tenancy/).
 */
@Module({
  imports: [SmartChargingPersistenceModule, TopologyModule, LimitsModule, AuditModule, SiteControlModule, OscpModule, SmartChargingRetentionModule, smartChargingAuditTrail(smartChargingApiControllers)],
  controllers: [SiteTenantController],
  providers: [
    SiteTenantRepository,
    SiteTenantAssignment,
    // Tenant scoping of every smart-charging API route, in one place (docs/adr/037-tenant-scoping.md).
    { provide: APP_INTERCEPTOR, useFactory: (tenancy: SiteTenantRepository) => smartChargingTenantScope(tenancy, smartChargingApiControllers), inject: [SiteTenantRepository] },
  ],
  exports: [LimitsModule, TopologyModule],
})
export class SmartChargingModule {}
