import { type TenantPolicy, tenantPoliciesOf } from '@app/runtime';
import { pkiApiControllers } from '../pki.module';
import { pkiImpliedPolicies } from './pki-api.tenancy';

/**
 * Tenant scoping of the PKI API, checked by reflection over every route
 * (docs/adr/037-tenant-scoping.md): PKI objects belong to their station's tenant; the CAs are
 * shared (read by every tenant, changed by tenant-less admins only), and so are root distribution
 * jobs, which span the fleet. A new route without a policy fails this spec (and is refused to
 * tenant tokens).
 */
const FILTERED: TenantPolicy = { kind: 'filtered' };
const SHARED: TenantPolicy = { kind: 'shared' };
const UNTENANTED: TenantPolicy = { kind: 'untenanted' };
const object = (owner: string, param: string): TenantPolicy => ({ kind: 'object', owner, param, mayCreate: false });

const expected: Record<string, TenantPolicy> = {
  'GET /security-events': FILTERED,
  'GET /certificate-authorities': SHARED,
  'POST /certificate-authorities': UNTENANTED,
  'POST /certificate-authorities/import': UNTENANTED,
  'GET /certificate-authorities/:caId': SHARED,
  'GET /certificate-authorities/:caId/certificate.pem': SHARED,
  'POST /certificate-authorities/:caId/activate': UNTENANTED,
  'GET /certificate-signing-requests': FILTERED,
  'GET /certificate-signing-requests/:requestId': object('signing-request', 'requestId'),
  'GET /issued-certificates': FILTERED,
  'GET /issued-certificates/:serialNumber': object('issued-certificate', 'serialNumber'),
  'POST /revocations': { kind: 'body-objects', owner: 'issued-certificate', field: 'serialNumber' },
  'GET /revocations': FILTERED,
  'GET /certificate-renewals': FILTERED,
  'GET /certificate-renewals/:attemptId': object('renewal-attempt', 'attemptId'),
  'GET /installed-certificates': FILTERED,
  'GET /certificate-expiry': FILTERED,
  'GET /station-inventories': FILTERED,
  'GET /station-inventories/:stationId': object('station', 'stationId'),
  'POST /station-inventories/:stationId/refresh': object('station', 'stationId'),
  'POST /root-distribution-jobs': UNTENANTED,
  'GET /root-distribution-jobs': UNTENANTED,
  'GET /root-distribution-jobs/:jobId': UNTENANTED,
  'POST /profile-upgrades': { kind: 'body-objects', owner: 'station', field: 'stationId' },
  'GET /profile-upgrades': FILTERED,
  'GET /profile-upgrades/:upgradeId': object('profile-upgrade', 'upgradeId'),
};

const routes = tenantPoliciesOf(pkiApiControllers, pkiImpliedPolicies);

describe('PKI API tenant scoping', () => {
  it('knows every route', () => {
    expect(routes.map((route) => route.route).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s has the policy %j', (route, policy) => {
    expect(routes.find((candidate) => candidate.route === route)?.policy).toEqual(policy);
  });
});
