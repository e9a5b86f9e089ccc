import { mutationAuditStoreOf } from '@app/persistence';
import { type AuditResource, AuditTrailModule } from '@app/runtime';
import type { DynamicModule, Type } from '@nestjs/common';
import { LimitsController } from '../limits/limits.controller';
import { LimitsModule } from '../limits/limits.module';
import { CapacityProvidersController } from '../oscp/capacity-providers.controller';
import { OscpModule } from '../oscp/oscp.module';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import { NodesController } from '../topology/nodes.controller';
import { SitesController } from '../topology/sites.controller';
import { TopologyModule } from '../topology/topology.module';
import { CapacityProviderSnapshot, LimitScheduleSnapshot, NodeSnapshot, SiteSnapshot } from './smart-charging-audit.snapshots';

/** The resources whose state entries show; every other mutating route is named by its path. */
export const smartChargingAuditResources: readonly AuditResource[] = [
  { controller: SitesController, type: 'sites', idParam: 'siteId', resultId: 'siteId', snapshot: SiteSnapshot },
  { controller: NodesController, handlers: ['add'], type: 'nodes', resultId: 'nodeId', snapshot: NodeSnapshot },
  { controller: NodesController, type: 'nodes', idParam: 'nodeId', snapshot: NodeSnapshot },
  { controller: LimitsController, type: 'limit-schedules', idParam: 'nodeId', snapshot: LimitScheduleSnapshot },
  { controller: CapacityProvidersController, type: 'capacity-providers', idParam: 'providerId', snapshot: CapacityProviderSnapshot },
];

/**
 * The audit of every change made through the smart-charging REST API, at
 * GET /api/audit/smart-charging (docs/adr/038-audit-log.md). The per-site audit of topology and
 * limits (audit.module.ts) stays as it is: it also holds the service's own writers (OSCP).
 */
export function smartChargingAuditTrail(controllers: readonly Type<unknown>[]): DynamicModule {
  return AuditTrailModule.forService({
    service: 'smart-charging',
    controllers,
    resources: smartChargingAuditResources,
    readRole: 'admin',
    imports: [SmartChargingPersistenceModule, TopologyModule, LimitsModule, OscpModule],
    store: mutationAuditStoreOf(SMART_CHARGING_SCHEMA),
    providers: [SiteSnapshot, NodeSnapshot, LimitScheduleSnapshot, CapacityProviderSnapshot],
  });
}
