import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { shapeOf, threeFeederSite } from '@test/support/site-fixtures';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const evse = (nodeId: string, evseId: number, fields: Json = {}) => ({ nodeId, kind: 'evse', label: null, limit: null, evseId, minA: 6, maxA: 32, phases: 3, priority: 0, ...fields, children: [] });

/**
 * Site topology on the smart-charging service (its own process, real Kafka and PostgreSQL): a
 * site built in one request and read back as one tree, lookups by station, optimistic versions,
 * moves, precise 400s, the tree's rules held by the database as well, roles, and the audit log.
 */
describe('smart-charging topology', () => {
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let service: ServiceProcess;

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(service.baseUrl, method, route, as, body);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-topology-'));
    database = await createTestDatabase('topology');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('topology'), DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    service = startService('smart-charging', env, await freePort());
    await waitUntilReady(service);
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds a site of three feeders with rotated chargers and EVSEs in one request, and reads it back as one tree', async () => {
    const created = await call('POST', '/api/sites', 'operator', threeFeederSite('SITE-T1', 'T1'));
    expect(created.status).toBe(201);
    const read = await call('GET', '/api/sites/SITE-T1', 'viewer');
    expect(read.body).toEqual(created.body);
    expect(read.body).toMatchObject({ siteId: 'SITE-T1', name: 'Depot SITE-T1', nodeCount: 13 });
    const charger = (nodeId: string, stationId: string, wiring: string[], rating: Json, children: Json[], fields: Json = {}) => ({
      nodeId,
      kind: 'charger',
      label: null,
      limit: null,
      stationId,
      wiring,
      rating,
      ...fields,
      children,
    });
    expect(shapeOf(read.body.root as Json)).toEqual({
      nodeId: 'SITE-T1',
      kind: 'site',
      parentId: null,
      label: null,
      limit: { perPhaseA: [250, 250, 250], totalW: 150_000 },
      children: [
        {
          nodeId: 'F1',
          kind: 'feeder',
          parentId: 'SITE-T1',
          label: 'Feeder 1',
          limit: { perPhaseA: [100, 100, 100] },
          children: [
            charger('T1-1', 'T1-1', ['L1', 'L2', 'L3'], { maxA: 32, phases: 3 }, [evse('T1-1:1', 1, { parentId: 'T1-1' }), evse('T1-1:2', 2, { parentId: 'T1-1', maxA: 16, phases: 1, priority: 1 })], {
              parentId: 'F1',
            }),
          ],
        },
        {
          nodeId: 'F2',
          kind: 'feeder',
          parentId: 'SITE-T1',
          label: null,
          limit: { perPhaseA: [100, 100, 100] },
          children: [
            {
              nodeId: 'K2',
              kind: 'cabinet',
              parentId: 'F2',
              label: null,
              limit: null,
              children: [charger('T1-2', 'T1-2', ['L2', 'L3', 'L1'], { maxA: 32, phases: 3 }, [evse('T1-2:1', 1, { parentId: 'T1-2' })], { parentId: 'K2' })],
            },
          ],
        },
        {
          nodeId: 'F3',
          kind: 'feeder',
          parentId: 'SITE-T1',
          label: null,
          limit: { totalW: 40_000 },
          children: [
            {
              nodeId: 'T3',
              kind: 'transformer',
              parentId: 'F3',
              label: null,
              limit: null,
              children: [charger('C3', 'T1-3', ['L3', 'L1', 'L2'], { maxA: 16, phases: 1 }, [evse('C3:1', 1, { parentId: 'C3', minA: 8, maxA: 16, phases: 1 })], { parentId: 'T3' })],
            },
          ],
        },
      ],
    });
  });

  it('finds the node of a station and of its EVSE, with the nodes above it', async () => {
    expect((await call('GET', '/api/topology/stations/T1-2', 'viewer')).body).toMatchObject({ siteId: 'SITE-T1', path: ['SITE-T1', 'F2', 'K2'], node: { nodeId: 'T1-2', children: [{ nodeId: 'T1-2:1' }] } });
    expect((await call('GET', '/api/topology/stations/T1-3/evses/1', 'viewer')).body).toMatchObject({ siteId: 'SITE-T1', path: ['SITE-T1', 'F3', 'T3', 'C3'], node: { nodeId: 'C3:1', minA: 8 } });
    expect((await call('GET', '/api/topology/stations/T1-3/evses/2', 'viewer')).body).toMatchObject({ status: 404, code: 'node-not-found', detail: 'charger C3 (station T1-3) has no EVSE 2' });
    expect((await call('GET', '/api/topology/stations/NOWHERE', 'viewer')).status).toBe(404);
  });

  it('creates SITE-001 … SITE-010 with a request each and lists every site in id order, page by page', async () => {
    for (let index = 1; index <= 10; index += 1) {
      const siteId = `SITE-${String(index).padStart(3, '0')}`;
      expect((await call('POST', '/api/sites', 'operator', threeFeederSite(siteId, `${siteId}-CP`))).status).toBe(201);
    }
    const listed: Json[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await call('GET', `/api/sites?limit=4${cursor ? `&cursor=${cursor}` : ''}`, 'viewer');
      expect(page.status).toBe(200);
      listed.push(...(page.body.items ?? []));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed.map((site) => site.siteId)).toEqual([...Array.from({ length: 10 }, (_, index) => `SITE-${String(index + 1).padStart(3, '0')}`), 'SITE-T1']);
    expect(listed[0]).toEqual({ siteId: 'SITE-001', name: 'Depot SITE-001', limit: { perPhaseA: [250, 250, 250], totalW: 150_000 }, nodeCount: 13, tenant: null, createdAt: expect.any(String), updatedAt: expect.any(String) });
  });

  it('lets viewers read and refuses them every change (403); without a token nothing (401)', async () => {
    expect((await call('GET', '/api/sites/SITE-T1/nodes/F1', 'viewer')).body).toMatchObject({ nodeId: 'F1', version: 1, children: [{ nodeId: 'T1-1' }] });
    const changes: [string, string, unknown][] = [
      ['POST', '/api/sites', threeFeederSite('SITE-V', 'V')],
      ['POST', '/api/sites/SITE-T1/nodes', { kind: 'feeder', nodeId: 'F9' }],
      ['PATCH', '/api/sites/SITE-T1/nodes/F1', { version: 1, label: 'x' }],
      ['DELETE', '/api/sites/SITE-T1/nodes/F3?recursive=true', undefined],
      ['DELETE', '/api/sites/SITE-T1', undefined],
    ];
    for (const [method, route, body] of changes) {
      expect((await call(method, route, 'viewer', body)).body).toMatchObject({ status: 403, code: 'forbidden', detail: 'the token "e2e-viewer" lacks the operator role' });
    }
    expect((await call('GET', '/api/sites', 'nobody')).status).toBe(401);
    expect((await call('GET', '/api/sites/SITE-T1', 'viewer')).body).toMatchObject({ nodeCount: 13, root: { children: [{ label: 'Feeder 1' }, {}, {}] } });
  });

  it('documents every route with its role in OpenAPI, the tree as a component', async () => {
    const document = (await (await fetch(`${service.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
    expect(document.paths['/api/sites']?.post).toMatchObject({ 'x-required-role': 'operator', security: [{ 'api-token': [] }, { oidc: [] }] });
    expect(document.paths['/api/sites/{siteId}']?.get).toMatchObject({ 'x-required-role': 'viewer|grid-operator', 'x-grid-operator-site': 'siteId' });
    expect(document.paths['/api/sites/{siteId}/nodes/{nodeId}/limits/{source}']?.put).toMatchObject({ 'x-required-role': 'operator|grid-operator', 'x-grid-operator-site': 'siteId' });
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['TopologyNodeInput', 'TopologyTreeNode']));
    expect(JSON.stringify(document)).not.toContain('#/definitions/');
  });
});
