import { type TenantPolicy, tenantPoliciesOf } from '@app/runtime';
import { smartChargingApiControllers } from '../smart-charging.module';
import { smartChargingImpliedPolicies } from './smart-charging-api.tenancy';

/**
 * Tenant scoping of the smart-charging API, checked by reflection over every route
 * (docs/adr/037-tenant-scoping.md): routes under /sites/{siteId} are scoped by their site and
 * routes under /topology/stations/{stationId} by the station's site, without a declaration; every
 * other route must declare its policy, or fails this spec (and is refused to tenant tokens).
 */
const SITE: TenantPolicy = { kind: 'object', owner: 'site', param: 'siteId', mayCreate: false };
const STATION: TenantPolicy = { kind: 'object', owner: 'station', param: 'stationId', mayCreate: false };
const FILTERED: TenantPolicy = { kind: 'filtered' };
const UNTENANTED: TenantPolicy = { kind: 'untenanted' };

const declared: Record<string, TenantPolicy> = {
  'GET /sites': FILTERED,
  'POST /sites': FILTERED,
  'PUT /sites/:siteId/tenant': UNTENANTED,
  'GET /oscp/capacity-providers': UNTENANTED,
  'POST /oscp/capacity-providers': UNTENANTED,
  'GET /oscp/capacity-providers/:providerId': UNTENANTED,
  'PATCH /oscp/capacity-providers/:providerId': UNTENANTED,
  'POST /oscp/capacity-providers/:providerId/token': UNTENANTED,
  'PUT /oscp/capacity-providers/:providerId/groups': UNTENANTED,
  'DELETE /oscp/capacity-providers/:providerId': UNTENANTED,
};

const routes = tenantPoliciesOf(smartChargingApiControllers, smartChargingImpliedPolicies);

describe('smart-charging API tenant scoping', () => {
  it('gives every route a tenant policy', () => {
    expect(routes.filter((route) => route.policy === undefined).map((route) => route.route)).toEqual([]);
  });

  it.each(routes.filter((route) => declared[route.route] === undefined).map((route) => [route.route, route.policy] as const))('%s is scoped by the site or station in its path', (route, policy) => {
    expect(policy).toEqual(route.includes('/topology/stations/:stationId') ? STATION : SITE);
  });

  it.each(Object.entries(declared))('%s declares %j', (route, policy) => {
    expect(routes.find((candidate) => candidate.route === route)?.policy).toEqual(policy);
  });
});
