import { type TenantPolicy, tenantPoliciesOf } from '@app/runtime';
import { operatorApiControllers } from './api.module';
import { operatorApiImpliedPolicies } from './tenancy.port';

/**
 * Tenant scoping, checked by reflection over every route of the operator API
 * (docs/adr/037-tenant-scoping.md): every route under /stations/{id} is scoped by its station
 * without a declaration; every other route must declare how it keeps a tenant's principals to
 * their tenant. A new route outside /stations/{id} without a declaration fails this spec (and is
 * refused to tenant-confined tokens at run time).
 */
const STATION: TenantPolicy = { kind: 'object', owner: 'station', param: 'id', mayCreate: false };
const FILTERED: TenantPolicy = { kind: 'filtered' };
const UNTENANTED: TenantPolicy = { kind: 'untenanted' };

const outsideStationRoutes: Record<string, TenantPolicy> = {
  'GET /stations': FILTERED,
  'GET /stations/summary': FILTERED,
  'PUT /stations/:id': { kind: 'object', owner: 'station', param: 'id', mayCreate: true },
  'PUT /stations/:id/tenant': UNTENANTED,
  'GET /transactions': FILTERED,
  'GET /transactions/export': FILTERED,
  'GET /transactions/:id': FILTERED,
  'GET /id-tokens': UNTENANTED,
  'PUT /id-tokens/:value': UNTENANTED,
  'DELETE /id-tokens/:value': UNTENANTED,
  'GET /commands': FILTERED,
  'GET /commands/:commandId': { kind: 'object', owner: 'command', param: 'commandId', mayCreate: false },
  'GET /alerts': FILTERED,
  'POST /reservations': { kind: 'body-objects', owner: 'station', field: 'stationId' },
  'GET /reservations': FILTERED,
  'GET /reservations/:id': { kind: 'object', owner: 'reservation', param: 'id', mayCreate: false },
  'POST /reservations/:id/cancel': { kind: 'object', owner: 'reservation', param: 'id', mayCreate: false },
  'GET /local-lists': FILTERED,
  'POST /local-lists/push': { kind: 'body-objects', owner: 'station', field: 'stationIds' },
  'GET /parked-events': UNTENANTED,
  'POST /parked-events/replay': UNTENANTED,
  'POST /parked-events/:id/replay': UNTENANTED,
};

const routes = tenantPoliciesOf(operatorApiControllers, operatorApiImpliedPolicies);

describe('operator API tenant scoping', () => {
  it('finds the routes: every station command and station sub-resource among them', () => {
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.map((route) => route.route)).toEqual(expect.arrayContaining(['POST /stations/:id/commands/reset', 'GET /stations/:id/meter-values', 'GET /stations/:id/device-model']));
  });

  it('gives every route a tenant policy (none is left to chance)', () => {
    expect(routes.filter((route) => route.policy === undefined).map((route) => route.route)).toEqual([]);
  });

  it.each(routes.filter((route) => outsideStationRoutes[route.route] === undefined).map((route) => [route.route, route.policy] as const))(
    '%s is scoped by the station in its path',
    (route, policy) => {
      expect(route).toMatch(/^[A-Z]+ \/stations\/:id(\/|$)/);
      expect(policy).toEqual(STATION);
    },
  );

  it.each(Object.entries(outsideStationRoutes))('%s declares %j', (route, policy) => {
    expect(routes.find((candidate) => candidate.route === route)?.policy).toEqual(policy);
  });
});
