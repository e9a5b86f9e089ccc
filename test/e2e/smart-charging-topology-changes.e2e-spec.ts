import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { threeFeederSite } from '@test/support/site-fixtures';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

/**
 * Changes to a site's topology on the smart-charging service (its own process, real PostgreSQL):
 * optimistic versions, moves, precise 400s, conflicts, the tree's rules held by the database
 * itself, deletions, and the audit entry of each change.
 */
describe('smart-charging topology changes', () => {
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let service: ServiceProcess;

  const call = (method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const node = async (nodeId: string) => (await call('GET', `/api/sites/SITE-C/nodes/${nodeId}`, 'viewer')).body;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-topology-changes-'));
    database = await createTestDatabase('topology_changes');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('topochanges'), DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    service = startService('smart-charging', env, await freePort());
    await waitUntilReady(service);
    expect((await call('POST', '/api/sites', 'operator', threeFeederSite('SITE-C', 'C'))).status).toBe(201);
    expect((await call('POST', '/api/sites', 'operator', threeFeederSite('SITE-D', 'D'))).status).toBe(201);
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies a change based on the current version and refuses one based on a stale version (409)', async () => {
    const first = await call('PATCH', '/api/sites/SITE-C/nodes/C-1:2', 'operator', { version: 1, maxA: 20, priority: 3 });
    expect(first).toMatchObject({ status: 200, body: { nodeId: 'C-1:2', maxA: 20, priority: 3, version: 2 } });
    const stale = await call('PATCH', '/api/sites/SITE-C/nodes/C-1:2', 'operator', { version: 1, maxA: 10 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'version-conflict', currentVersion: 2 } });
    expect((await call('DELETE', '/api/sites/SITE-C/nodes/C-1:2?version=1', 'operator')).body).toMatchObject({ status: 409, code: 'version-conflict' });
    expect(await node('C-1:2')).toMatchObject({ maxA: 20, version: 2 });
  });

  it('moves a node with everything below it, and refuses a move under its own descendant', async () => {
    expect((await call('PATCH', '/api/sites/SITE-C/nodes/K2', 'operator', { version: 1, parentId: 'F1' })).body).toMatchObject({ parentId: 'F1', version: 2 });
    expect(await node('F1')).toMatchObject({ children: [{ nodeId: 'C-1' }, { nodeId: 'K2', children: [{ nodeId: 'C-2', children: [{ nodeId: 'C-2:1' }] }] }] });
    const cycle = await call('PATCH', '/api/sites/SITE-C/nodes/F1', 'operator', { version: 1, parentId: 'K2' });
    expect(cycle.body).toMatchObject({ status: 400, code: 'invalid-topology', errors: [{ field: 'body.parentId', message: 'K2 is below F1: a node cannot move under its own descendants' }] });
  });

  it.each([
    ['an EVSE under a feeder', 'POST', '/api/sites/SITE-C/nodes', { kind: 'evse', parentId: 'F3', evseId: 1, maxA: 16, phases: 1 }, 'body.kind: an evse must be under a charger, not under feeder F3'],
    ['a charger under a charger', 'POST', '/api/sites/SITE-C/nodes', { kind: 'charger', parentId: 'C-1', stationId: 'C-9', rating: { maxA: 32, phases: 3 } }, 'body.kind: a charger must be under the site, a feeder, a cabinet or a transformer, not under charger C-1'],
    ['a parent the site does not have', 'POST', '/api/sites/SITE-C/nodes', { kind: 'feeder', nodeId: 'F9', parentId: 'NOPE' }, 'body.parentId: site SITE-C has no node NOPE'],
    ['a minimum above the maximum', 'POST', '/api/sites/SITE-C/nodes', { kind: 'evse', parentId: 'C-1', evseId: 7, minA: 20, maxA: 16, phases: 3 }, 'body.maxA: must be at least minA (20)'],
    ['a negative minimum', 'POST', '/api/sites/SITE-C/nodes', { kind: 'evse', parentId: 'C-1', evseId: 7, minA: -1, maxA: 16, phases: 3 }, 'body.minA: must not be negative'],
    ['two phases', 'POST', '/api/sites/SITE-C/nodes', { kind: 'evse', parentId: 'C-1', evseId: 7, maxA: 16, phases: 2 }, 'body.phases: must be 1 or 3'],
    ['a wiring that is no permutation', 'POST', '/api/sites/SITE-C/nodes', { kind: 'charger', stationId: 'C-9', wiring: ['L1', 'L1', 'L2'], rating: { maxA: 32, phases: 3 } }, 'body.wiring: must name L1, L2 and L3 once each (a permutation)'],
    ['a negative limit', 'POST', '/api/sites/SITE-C/nodes', { kind: 'feeder', nodeId: 'F9', limit: { perPhaseA: [10, -1, 10] } }, 'body.limit.perPhaseA[1]: must not be negative'],
    ['a limit in kW', 'POST', '/api/sites/SITE-C/nodes', { kind: 'feeder', nodeId: 'F9', limit: { totalKW: 40 } }, 'body.limit.totalKW: unknown field'],
    ['a charger field on a feeder', 'PATCH', '/api/sites/SITE-C/nodes/F3', { version: 1, wiring: ['L1', 'L2', 'L3'] }, 'body.wiring: only chargers have it; F3 is a feeder'],
    ['a maximum below the minimum', 'PATCH', '/api/sites/SITE-C/nodes/C3:1', { version: 1, maxA: 6 }, 'body.maxA: must be at least minA (8)'],
    ['a patch without version', 'PATCH', '/api/sites/SITE-C/nodes/F3', { label: 'x' }, 'body.version: '],
    ['a nested error of a whole site', 'POST', '/api/sites', { siteId: 'SITE-X', children: [{ kind: 'feeder', nodeId: 'F1', children: [{ kind: 'evse', evseId: 1, maxA: 16, phases: 1 }] }] }, 'body.children[0].children[0].kind: an evse must be under a charger, not under feeder F1'],
  ])('refuses %s with 400, naming the field', async (_case, method, route, body, detail) => {
    const answer = await call(method, route, 'operator', body);
    expect(answer).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/) });
    expect(answer.body.detail).toContain(detail);
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: detail.split(':')[0] })]));
  });

  it('refuses a station that is the charger of another site, an EVSE id the charger has, an id the site has (409)', async () => {
    const station = await call('POST', '/api/sites/SITE-C/nodes', 'operator', { kind: 'charger', stationId: 'D-1', rating: { maxA: 32, phases: 3 } });
    expect(station.body).toMatchObject({ status: 409, code: 'station-assigned', errors: [{ field: 'body.stationId', message: 'station D-1 is the charger D-1 of site SITE-D already' }] });
    const evse = await call('POST', '/api/sites/SITE-C/nodes', 'operator', { kind: 'evse', nodeId: 'other', parentId: 'C-1', evseId: 1, maxA: 16, phases: 1 });
    expect(evse.body).toMatchObject({ status: 409, code: 'evse-exists', errors: [{ field: 'body.evseId', message: 'charger C-1 has EVSE 1 already (node C-1:1)' }] });
    expect((await call('POST', '/api/sites/SITE-C/nodes', 'operator', { kind: 'cabinet', nodeId: 'F2' })).body).toMatchObject({ status: 409, code: 'node-exists' });
    expect((await call('POST', '/api/sites', 'operator', threeFeederSite('SITE-C', 'Z'))).body).toMatchObject({ status: 409, code: 'site-exists' });
    expect((await call('GET', '/api/sites?limit=10', 'viewer')).body.items?.map((site) => site.siteId)).toEqual(['SITE-C', 'SITE-D']);
  });

  it('holds the tree’s rules in the database too, whatever writes to it', async () => {
    const refused = async (sql: string) => database.query(sql).then(
      () => 'accepted',
      (error: { constraint?: string }) => error.constraint,
    );
    const evseColumns = `(site_id, node_id, kind, parent_id, parent_kind, evse_id, min_a, max_a, phases, priority)`;
    expect(await refused(`INSERT INTO smart_charging.node ${evseColumns} VALUES ('SITE-C', 'E9', 'evse', 'F3', 'feeder', 1, 6, 16, 1, 0)`)).toBe('node_parent_kind');
    expect(await refused(`INSERT INTO smart_charging.node ${evseColumns} VALUES ('SITE-C', 'E9', 'evse', 'F3', 'charger', 1, 6, 16, 1, 0)`)).toBe('node_parent_fkey');
    expect(await refused(`INSERT INTO smart_charging.node ${evseColumns} VALUES ('SITE-C', 'E9', 'evse', 'C-1', 'charger', 1, 6, 16, 1, 0)`)).toBe('node_evse_key');
    expect(await refused(`INSERT INTO smart_charging.node ${evseColumns} VALUES ('SITE-C', 'E9', 'evse', 'D-1', 'charger', 9, 6, 16, 1, 0)`)).toBe('node_parent_fkey');
    expect(await refused(`INSERT INTO smart_charging.node ${evseColumns} VALUES ('SITE-C', 'E9', 'evse', 'C-1', 'charger', 9, 20, 16, 1, 0)`)).toBe('node_evse');
    expect(await refused(`UPDATE smart_charging.node SET station_id = 'D-1' WHERE site_id = 'SITE-C' AND node_id = 'C-1'`)).toBe('node_station_key');
    expect(await refused(`UPDATE smart_charging.node SET wiring = '{L1,L2,L2}' WHERE site_id = 'SITE-C' AND node_id = 'C-1'`)).toBe('node_charger');
    expect(await refused(`UPDATE smart_charging.node SET parent_id = 'C3:1', parent_kind = 'evse' WHERE site_id = 'SITE-C' AND node_id = 'F1'`)).toBe('node_parent_kind');
    expect(await refused(`UPDATE smart_charging.node SET parent_id = 'K2', parent_kind = 'cabinet' WHERE site_id = 'SITE-C' AND node_id = 'F1'`)).toBe('node_no_cycle');
    expect(await refused(`INSERT INTO smart_charging.node (site_id, node_id, kind) VALUES ('SITE-C', 'ROOT2', 'site')`)).toBe('node_root');
    expect(await refused(`UPDATE smart_charging.node SET limit_total_w = 'NaN' WHERE site_id = 'SITE-C' AND node_id = 'F1'`)).toBe('node_limit');
  });

  it('deletes a node with what is below it only when asked, and audits each change exactly', async () => {
    const refused = await call('DELETE', '/api/sites/SITE-C/nodes/F3', 'operator');
    expect(refused.body).toMatchObject({ status: 409, code: 'node-has-children', children: ['T3'] });
    expect((await call('DELETE', '/api/sites/SITE-C/nodes/SITE-C', 'operator')).body).toMatchObject({ status: 409, code: 'site-root' });
    const before = await node('F3');
    expect((await call('DELETE', '/api/sites/SITE-C/nodes/F3?recursive=true', 'operator')).status).toBe(204);
    expect((await call('GET', '/api/sites/SITE-C/nodes/C3:1', 'viewer')).status).toBe(404);
    const audit = await call('GET', '/api/sites/SITE-C/audit?limit=4', 'viewer');
    const deleted = (audit.body.items ?? []).map((entry) => [entry.action, entry.nodeId, entry.actor, entry.after]);
    expect(deleted.sort()).toEqual([
      ['node-deleted', 'C3', 'e2e-operator', null],
      ['node-deleted', 'C3:1', 'e2e-operator', null],
      ['node-deleted', 'F3', 'e2e-operator', null],
      ['node-deleted', 'T3', 'e2e-operator', null],
    ]);
    const { children: _children, ...f3 } = before;
    expect(audit.body.items?.find((entry) => entry.nodeId === 'F3')?.before).toEqual(f3);
    const moved = await call('GET', '/api/sites/SITE-C/audit?nodeId=K2', 'viewer');
    expect(moved.body.items).toEqual([
      expect.objectContaining({ action: 'node-updated', before: expect.objectContaining({ parentId: 'F2', version: 1 }), after: expect.objectContaining({ parentId: 'F1', version: 2 }) }),
      expect.objectContaining({ action: 'node-created', before: null, after: expect.objectContaining({ nodeId: 'K2', kind: 'cabinet' }) }),
    ]);
  });

  it('deletes a whole site; its audit log remains', async () => {
    expect((await call('DELETE', '/api/sites/SITE-D', 'operator')).status).toBe(204);
    expect((await call('GET', '/api/sites/SITE-D', 'viewer')).status).toBe(404);
    const rows = await database.query<{ count: string }>(`SELECT count(*) AS count FROM smart_charging.node WHERE site_id = 'SITE-D'`);
    expect(rows[0]?.count).toBe('0');
    const [latest] = (await call('GET', '/api/sites/SITE-D/audit?limit=1', 'viewer')).body.items ?? [];
    expect(latest).toMatchObject({ action: 'site-deleted', actor: 'e2e-operator', before: { siteId: 'SITE-D', nodeCount: 13 }, after: null });
    expect((await call('POST', '/api/sites/SITE-C/nodes', 'operator', { kind: 'charger', stationId: 'D-1', rating: { maxA: 32, phases: 3 } })).status).toBe(201);
  });
});
