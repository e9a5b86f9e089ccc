import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectionService } from '@app/connection';
import { pkiService } from '@app/pki';
import { type RunningProcess, runServices } from '@app/runtime';
import { smartChargingService } from '@app/smart-charging';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { eventually } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const STATION_PASSWORD = 'audit-e2e-password-0123456789';
const CA_PASSPHRASE = 'audit-e2e-passphrase-0123456789';
const KEY_MARKER = 'audit-e2e-key-material';
const SECRETS = [STATION_PASSWORD, CA_PASSPHRASE, KEY_MARKER, 'PRIVATE KEY'];

/**
 * The audit of every mutation (docs/adr/038-audit-log.md), with the three services in one process
 * on real Kafka and PostgreSQL: who, what, when, the outcome and the state before and after, for a
 * change in each service; refusals of authenticated callers; the filters; tenants; no secrets.
 */
describe('audit log of every mutation', () => {
  const api = new OperatorApiClient({ 'acme-admin': { roles: ['admin'], tenant: 'acme' } });
  let dir = '';
  let database: TestDatabase | undefined;
  let running: RunningProcess | undefined;
  let base = '';
  const startedAt = new Date();

  const call = (method: string, route: string, as: Parameters<typeof api.call>[3], body?: unknown) => api.call(base, method, route, as, body);

  async function entries(service: string, query = '', as: Parameters<typeof api.call>[3] = 'admin'): Promise<Json[]> {
    const page = await call('GET', `/api/audit/${service}${query}`, as);
    expect(page.status).toBe(200);
    return page.body.items ?? [];
  }

  /** Waits for the newest entry matching the query (entries are written before the answer; refusals just after it). */
  async function newest(service: string, query: string): Promise<Json> {
    return eventually(`an audit entry of ${service} for ${query}`, async () => (await entries(service, query))[0], 30_000);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-audit-'));
    database = await createTestDatabase('audit_log');
    Object.assign(process.env, {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('audit'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      HTTP_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      OCPP_WS_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      EMBEDDED_DATA_DIR: path.join(dir, 'data'),
      PKI_KEY_DIR: path.join(dir, 'keys'),
      PKI_CA_KEY_PASSPHRASE: CA_PASSPHRASE,
    });
    running = await runServices({ defaultHttpPort: 3000, embedded: true }, [connectionService, smartChargingService, pkiService]);
    base = running.urls.api.replace(/\/api$/, '');
  }, 180_000);

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records a station registered then changed in the connection service: who, what, when, before, after, no password', async () => {
    expect((await call('PUT', '/api/stations/CP-AUDIT-1', 'admin', { securityProfile: 1, password: STATION_PASSWORD })).status).toBe(201);
    expect((await call('PUT', '/api/stations/CP-AUDIT-1', 'admin', { serialNumber: 'SN-AUDIT-1' })).status).toBe(200);
    const [changed, registered] = await entries('connection', '?resourceType=stations&resourceId=CP-AUDIT-1');
    expect(registered).toMatchObject({
      actor: { name: 'e2e-admin', roles: ['admin'], tenant: null, credential: 'api-token' },
      method: 'PUT',
      route: '/stations/:id',
      action: 'StationsController_register',
      pathParams: { id: 'CP-AUDIT-1' },
      resource: { type: 'stations', id: 'CP-AUDIT-1' },
      body: { securityProfile: 1, password: '[redacted]' },
      status: 201,
      before: null,
      after: { id: 'CP-AUDIT-1', securityProfile: 1, hasPassword: true, serialNumber: null },
    });
    expect(changed).toMatchObject({
      status: 200,
      before: { serialNumber: null },
      after: { serialNumber: 'SN-AUDIT-1' },
      changes: [{ path: 'serialNumber', before: null, after: 'SN-AUDIT-1' }],
    });
    const at = Date.parse(String(registered?.at));
    expect(at).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect(Date.parse(String(registered?.completedAt))).toBeGreaterThanOrEqual(at);
  });

  it('records an id token created and deleted, with its state before and after', async () => {
    expect((await call('PUT', '/api/id-tokens/AUDIT-TAG-1', 'operator', { status: 'Accepted' })).status).toBe(201);
    expect((await call('DELETE', '/api/id-tokens/AUDIT-TAG-1', 'operator')).status).toBe(204);
    const [deleted, created] = await entries('connection', '?resourceId=AUDIT-TAG-1');
    expect(created).toMatchObject({ actor: { name: 'e2e-operator' }, method: 'PUT', resource: { type: 'id-tokens', id: 'AUDIT-TAG-1' }, before: null, after: { value: 'AUDIT-TAG-1', status: 'Accepted' }, status: 201 });
    expect(deleted).toMatchObject({ method: 'DELETE', before: { status: 'Accepted' }, after: null, status: 204, changes: [{ path: '', after: null }] });
  });

  it('records a refused change (403) with who tried, and changes nothing; a call without a valid token (401) is not recorded', async () => {
    expect((await call('PUT', '/api/id-tokens/AUDIT-TAG-2', 'nobody', { status: 'Accepted' })).status).toBe(401);
    expect((await call('PUT', '/api/id-tokens/AUDIT-TAG-2', 'forged', { status: 'Accepted' })).status).toBe(401);
    expect((await call('PUT', '/api/id-tokens/AUDIT-TAG-2', 'viewer', { status: 'Accepted' })).status).toBe(403);
    const refused = await newest('connection', '?resourceId=AUDIT-TAG-2');
    expect(refused).toMatchObject({ actor: { name: 'e2e-viewer', roles: ['viewer'] }, method: 'PUT', route: '/id-tokens/:value', status: 403, body: { status: 'Accepted' }, after: null });
    expect(await entries('connection', '?resourceId=AUDIT-TAG-2')).toHaveLength(1);
    expect((await call('GET', '/api/id-tokens?limit=500', 'viewer')).body.items?.some((token) => token.value === 'AUDIT-TAG-2')).toBe(false);
  });

  it('records a failed change with its status and without a state after', async () => {
    expect((await call('DELETE', '/api/id-tokens/AUDIT-NONE', 'operator')).status).toBe(404);
    expect(await newest('connection', '?resourceId=AUDIT-NONE')).toMatchObject({ actor: { name: 'e2e-operator' }, status: 404, before: null, after: null, changes: [] });
  });

  it('records a site created and a limit schedule replaced in smart charging, with before and after', async () => {
    const site = { siteId: 'SITE-AUDIT', name: 'Audit depot', limit: { totalW: 100_000 }, children: [{ kind: 'feeder', nodeId: 'F1', limit: { perPhaseA: [100, 100, 100] } }] };
    expect((await call('POST', '/api/sites', 'operator', site)).status).toBe(201);
    expect((await call('PUT', '/api/sites/SITE-AUDIT/nodes/F1/limits/operator', 'operator', { default: { perPhaseA: [50, 50, 50] } })).status).toBe(201);
    expect((await call('PUT', '/api/sites/SITE-AUDIT/nodes/F1/limits/operator', 'operator', { default: { perPhaseA: [40, 40, 40] }, slots: [] })).status).toBe(200);
    const created = await newest('smart-charging', '?resourceType=sites&resourceId=SITE-AUDIT');
    expect(created).toMatchObject({ actor: { name: 'e2e-operator' }, method: 'POST', route: '/sites', status: 201, before: null, after: { siteId: 'SITE-AUDIT', name: 'Audit depot' } });
    const [replaced, first] = await entries('smart-charging', '?action=LimitsController_replace');
    expect(first).toMatchObject({ resource: { type: 'limit-schedules', id: 'F1' }, pathParams: { siteId: 'SITE-AUDIT', nodeId: 'F1', source: 'operator' }, before: null, status: 201 });
    expect(replaced).toMatchObject({ before: { default: { perPhaseA: [50, 50, 50] } }, after: { default: { perPhaseA: [40, 40, 40] } }, status: 200 });
    expect((replaced?.changes as Json[]).map((change) => change.path)).toContain('default.perPhaseA');
    // The per-site audit of topology and limits answers as before.
    const siteAudit = await call('GET', '/api/sites/SITE-AUDIT/audit', 'viewer');
    const siteActions = siteAudit.body.items?.map((item) => item.action) ?? [];
    expect(siteActions.slice(0, 2)).toEqual(['limits-replaced', 'limits-replaced']);
    expect(siteActions).toContain('site-created');
  });

  it('records a CA created in the PKI with its state after, and a CA import with its key material redacted', async () => {
    const created = await call('POST', '/api/certificate-authorities', 'admin', { organization: 'Audit Ltd', name: 'Audit Root', role: 'root', commonName: 'Audit Root', keyType: 'EC-P256', validityDays: 30 });
    expect(created.status).toBe(201);
    const caId = String(created.body.id);
    expect(await newest('pki', `?resourceId=${caId}`)).toMatchObject({
      actor: { name: 'e2e-admin' },
      action: 'AuthoritiesController_create',
      resource: { type: 'certificate-authorities', id: caId },
      before: null,
      after: { id: caId, name: 'Audit Root', active: expect.any(Boolean) },
      status: 201,
    });
    const encryptedKeyPem = `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${KEY_MARKER}\n-----END ENCRYPTED PRIVATE KEY-----`;
    const imported = await call('POST', '/api/certificate-authorities/import', 'admin', { name: 'Audit Import', role: 'root', certificatePem: created.body.certificatePem, encryptedKeyPem, passphrase: CA_PASSPHRASE });
    expect(imported.status).toBeGreaterThanOrEqual(400);
    const attempt = await newest('pki', '?action=AuthoritiesController_import');
    expect(attempt).toMatchObject({ status: imported.status, body: { name: 'Audit Import', encryptedKeyPem: '[redacted]' } });
    // An id the route refuses gets the route's answer: the state the audit could not read does not turn it into a 503.
    expect((await call('POST', '/api/certificate-authorities/not-a-ca-id/activate', 'admin')).status).toBe(400);
    expect(await newest('pki', '?resourceId=not-a-ca-id')).toMatchObject({ action: 'AuthoritiesController_activate', status: 400, before: null });
  });

  it('filters by actor, resource, action and time, pages newest first, and reads only with the admin role', async () => {
    const byViewer = await entries('connection', '?actor=e2e-viewer');
    expect(byViewer.length).toBeGreaterThan(0);
    expect(byViewer.every((entry) => (entry.actor as Json).name === 'e2e-viewer')).toBe(true);
    expect((await entries('connection', '?action=IdTokensController_delete')).every((entry) => entry.action === 'IdTokensController_delete')).toBe(true);
    expect(await entries('connection', `?to=${encodeURIComponent(startedAt.toISOString())}`)).toEqual([]);
    expect(await entries('connection', `?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    const all = await entries('connection');
    const first = await call('GET', '/api/audit/connection?limit=1', 'admin');
    expect(first.body.items?.map((entry) => entry.id)).toEqual([all[0]?.id]);
    const second = await call('GET', `/api/audit/connection?limit=1&cursor=${String(first.body.nextCursor)}`, 'admin');
    expect(second.body.items?.map((entry) => entry.id)).toEqual([all[1]?.id]);
    expect(Number(all[0]?.id)).toBeGreaterThan(Number(all[1]?.id));
    expect((await call('GET', '/api/audit/connection', 'operator')).status).toBe(403);
    expect((await call('GET', '/api/audit/pki?resourceType=x&bogus=1', 'admin')).status).toBe(400);
  });

  it('shows a principal of a tenant only the entries of its tenant', async () => {
    expect((await call('PUT', '/api/id-tokens/ACME-TAG-1', 'acme-admin', { status: 'Accepted' })).status).toBe(201);
    const seen = await entries('connection', '', 'acme-admin');
    expect(seen.map((entry) => entry.resource)).toEqual([{ type: 'id-tokens', id: 'ACME-TAG-1' }]);
    expect(seen[0]?.actor).toEqual({ name: 'e2e-acme-admin', roles: ['admin'], tenant: 'acme', credential: 'api-token' });
    expect((await entries('connection')).length).toBeGreaterThan(1);
  });

  it('documents the audit routes of the three services and the 503 of a change that cannot be audited', async () => {
    type Operation = { 'x-required-role'?: string; operationId?: string; responses?: Record<string, unknown> };
    const document = (await (await fetch(`${base}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    for (const service of ['connection', 'smart-charging', 'pki']) {
      expect(document.paths[`/api/audit/${service}`]?.get).toMatchObject({ 'x-required-role': 'admin', responses: { '200': expect.anything(), '403': expect.anything() } });
    }
    for (const [route, method] of [
      ['/api/stations/{id}', 'put'],
      ['/api/sites', 'post'],
      ['/api/revocations', 'post'],
    ] as const) {
      expect(document.paths[route]?.[method]?.responses).toHaveProperty('503');
    }
    expect(document.paths['/api/stations/{id}']?.get?.responses).not.toHaveProperty('503');
  });

  it('keeps no secret in any entry of any service', async () => {
    const everything = JSON.stringify(await Promise.all(['connection', 'smart-charging', 'pki'].map((service) => entries(service, '?limit=500'))));
    expect(everything).toContain('[redacted]');
    for (const secret of [...SECRETS, ...Object.values(api.tokens)]) expect(everything).not.toContain(secret);
  });
});
