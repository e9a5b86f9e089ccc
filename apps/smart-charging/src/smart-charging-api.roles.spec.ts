import { routeRolesOf } from '@app/runtime';
import { smartChargingApiControllers } from './smart-charging.module';

/**
 * Least privilege of the smart-charging REST API, checked by reflection over its controllers: a
 * new endpoint without a role, or with another access than listed here, fails this spec. Viewers
 * read; operators manage topology and operator limits; grid-operator tokens reach the limits
 * routes, the tree, draw deviations, draw history and audit log of their granted sites (`|grid-operator`) and nothing else.
 */
const expectedAccess: Record<string, string> = {
  'GET /sites': 'viewer',
  'POST /sites': 'operator',
  'GET /sites/:siteId': 'viewer|grid-operator',
  'DELETE /sites/:siteId': 'operator',
  'PUT /sites/:siteId/tenant': 'admin',
  'POST /sites/:siteId/nodes': 'operator',
  'GET /sites/:siteId/nodes/:nodeId': 'viewer',
  'PATCH /sites/:siteId/nodes/:nodeId': 'operator',
  'DELETE /sites/:siteId/nodes/:nodeId': 'operator',
  'GET /topology/stations/:stationId': 'viewer',
  'GET /topology/stations/:stationId/evses/:evseId': 'viewer',
  'GET /sites/:siteId/nodes/:nodeId/limits': 'viewer|grid-operator',
  'GET /sites/:siteId/nodes/:nodeId/limits/:source': 'viewer|grid-operator',
  'PUT /sites/:siteId/nodes/:nodeId/limits/:source': 'operator|grid-operator',
  'DELETE /sites/:siteId/nodes/:nodeId/limits/:source': 'operator|grid-operator',
  'GET /sites/:siteId/audit': 'viewer|grid-operator',
  'GET /sites/:siteId/allocation': 'viewer',
  'GET /sites/:siteId/deviations': 'viewer|grid-operator',
  'GET /sites/:siteId/draw-history': 'viewer|grid-operator',
  'GET /sites/:siteId/nodes/:nodeId/draw-history': 'viewer|grid-operator',
  'GET /topology/stations/:stationId/charging': 'viewer',
  'GET /oscp/capacity-providers': 'viewer',
  'POST /oscp/capacity-providers': 'admin',
  'GET /oscp/capacity-providers/:providerId': 'viewer',
  'PATCH /oscp/capacity-providers/:providerId': 'admin',
  'POST /oscp/capacity-providers/:providerId/token': 'admin',
  'PUT /oscp/capacity-providers/:providerId/groups': 'operator',
  'DELETE /oscp/capacity-providers/:providerId': 'admin',
};

describe('smart-charging API roles', () => {
  const routes = routeRolesOf(smartChargingApiControllers);

  it('finds every endpoint of every controller', () => {
    expect(routes.map((route) => route.route).sort()).toEqual(Object.keys(expectedAccess).sort());
  });

  it.each(Object.entries(expectedAccess))('%s requires %s', (route, access) => {
    expect(routes.find((candidate) => candidate.route === route)?.access).toBe(access);
  });

  it('checks the grant of a grid-operator token against the site in the path', () => {
    const gridOperatorRoutes = routes.filter((route) => route.gridOperatorSite !== undefined);
    expect(gridOperatorRoutes.map((route) => route.route).every((route) => /^[A-Z]+ \/sites\/:siteId(\/|$)/.test(route))).toBe(true);
    expect(gridOperatorRoutes.every((route) => route.gridOperatorSite === 'siteId')).toBe(true);
  });

  it('puts every endpoint behind the API token guard', () => {
    expect(routes.every((route) => route.guarded)).toBe(true);
  });
});
