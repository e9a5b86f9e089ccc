import { ANY_ROLE, type ApiRole, grants, routeRolesOf } from '@app/runtime';
import { pkiApiControllers, pkiPublicControllers } from './pki.module';

/**
 * Least privilege of the PKI's REST API, checked by reflection over its controllers: a new
 * endpoint without a role, or with another role than listed here, fails this spec. Every PKI
 * mutation needs the security-officer role (or admin): operators may neither revoke nor run the
 * CAs (ADR 036).
 */
const expectedRoles: Record<string, ApiRole> = {
  'GET /security-events': 'viewer',
  'GET /certificate-authorities': 'viewer',
  'POST /certificate-authorities': 'security-officer',
  'POST /certificate-authorities/import': 'security-officer',
  'GET /certificate-authorities/:caId': 'viewer',
  'GET /certificate-authorities/:caId/certificate.pem': 'viewer',
  'POST /certificate-authorities/:caId/activate': 'security-officer',
  'GET /certificate-signing-requests': 'viewer',
  'GET /certificate-signing-requests/:requestId': 'viewer',
  'GET /issued-certificates': 'viewer',
  'GET /issued-certificates/:serialNumber': 'viewer',
  'POST /revocations': 'security-officer',
  'GET /revocations': 'viewer',
  'GET /certificate-renewals': 'viewer',
  'GET /certificate-renewals/:attemptId': 'viewer',
  'GET /installed-certificates': 'viewer',
  'GET /certificate-expiry': 'viewer',
  'GET /station-inventories': 'viewer',
  'GET /station-inventories/:stationId': 'viewer',
  'POST /station-inventories/:stationId/refresh': 'security-officer',
  'POST /root-distribution-jobs': 'security-officer',
  'GET /root-distribution-jobs': 'viewer',
  'GET /root-distribution-jobs/:jobId': 'viewer',
  'POST /profile-upgrades': 'security-officer',
  'GET /profile-upgrades': 'viewer',
  'GET /profile-upgrades/:upgradeId': 'viewer',
};

/** What relying parties fetch without a token: revocation status is public by nature (RFC 5280, RFC 6960). */
const publicRoutes = ['GET /crls/:caId', 'POST /ocsp', 'GET /ocsp/*request'];

describe('PKI API roles', () => {
  const routes = routeRolesOf(pkiApiControllers);

  it('finds every endpoint of every controller', () => {
    expect(routes.map((route) => route.route).sort()).toEqual(Object.keys(expectedRoles).sort());
  });

  it.each(Object.entries(expectedRoles))('%s requires the %s role', (route, role) => {
    expect(routes.find((candidate) => candidate.route === route)?.role).toBe(role);
  });

  it('lets only security officers (and admins) change the PKI: an operator token can neither revoke nor run a CA', () => {
    const mutations = routes.filter((route) => !route.route.startsWith('GET '));
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.filter((route) => route.role !== 'security-officer')).toEqual([]);
    expect(mutations.filter((route) => route.role !== undefined && (route.role === ANY_ROLE || grants(['operator'], route.role)))).toEqual([]);
  });

  it('admits no grid-operator token anywhere (they reach the limits of their sites only)', () => {
    expect(routes.filter((route) => route.gridOperatorSite !== undefined)).toEqual([]);
  });

  it('puts every endpoint behind the API token guard', () => {
    expect(routes.every((route) => route.guarded)).toBe(true);
  });

  it('leaves only the CRL and OCSP endpoints public, with no role', () => {
    const open = routeRolesOf(pkiPublicControllers);
    expect(open.map((route) => route.route).sort()).toEqual([...publicRoutes].sort());
    expect(open.filter((route) => route.guarded || route.role !== undefined)).toEqual([]);
  });
});
