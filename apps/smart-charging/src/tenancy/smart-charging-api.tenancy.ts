import { type ImpliedTenantPolicy, type TenantOwner, TenantScopeInterceptor } from '@app/runtime';
import type { Type } from '@nestjs/common';
import { siteIdSchema, stationIdSchema } from '../topology/node-fields.schemas';
import { topologyProblemOf } from '../topology/topology-answer';
import { TopologyError, TopologyErrorCode } from '../topology/topology.error';
import type { SiteTenantRepository } from './site-tenant.repository';

/**
 * Every route under /sites/{siteId} is scoped by its site, every route under
 * /topology/stations/{stationId} by the site the station is the charger of, without declaring it.
 */
export const smartChargingImpliedPolicies: readonly ImpliedTenantPolicy[] = [
  { path: /^\/sites\/:siteId(\/|$)/, policy: { kind: 'object', owner: 'site', param: 'siteId', mayCreate: false } },
  { path: /^\/topology\/stations\/:stationId(\/|$)/, policy: { kind: 'object', owner: 'station', param: 'stationId', mayCreate: false } },
];

function owners(tenancy: SiteTenantRepository): Record<string, TenantOwner> {
  return {
    site: { id: siteIdSchema, tenancyOf: (ids) => tenancy.tenancyOfSites(ids), notFound: (id) => topologyProblemOf(new TopologyError(TopologyErrorCode.siteNotFound, `there is no site ${id}`)) },
    station: {
      id: stationIdSchema,
      tenancyOf: (ids) => tenancy.tenancyOfStations(ids),
      notFound: (id) => topologyProblemOf(new TopologyError(TopologyErrorCode.nodeNotFound, `station ${id} is the charger of no site`)),
    },
  };
}

/** The smart-charging API's tenant scoping (docs/adr/037-tenant-scoping.md): one interceptor for all its controllers. */
export function smartChargingTenantScope(tenancy: SiteTenantRepository, controllers: readonly Type<unknown>[]): TenantScopeInterceptor {
  return new TenantScopeInterceptor({ controllers, implied: smartChargingImpliedPolicies, owners: owners(tenancy) });
}
