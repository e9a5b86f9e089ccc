import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { threeFeederSite } from '@test/support/site-fixtures';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const LIMITS = '/api/sites/SITE-A/nodes/F1/limits';

/** A schedule whose every value says which write it came from: `n` slots of n A and a default of n W. */
function scheduleOf(n: number): Json {
  const slots = Array.from({ length: n }, (_, index) => ({ start: new Date(Date.UTC(2030, 0, 1) + index * 900_000).toISOString(), durationS: 900, perPhaseA: [n, n, n] }));
  return { default: { totalW: n }, slots };
}

/** Whether a schedule read is one whole write: as many slots as its default says, each of that value. */
function isWhole(schedule: Json): boolean {
  const n = (schedule.default as { totalW: number }).totalW;
  const slots = schedule.slots as { perPhaseA: number[] }[];
  return slots.length === n && slots.every((slot) => slot.perPhaseA.every((amperes) => amperes === n));
}

/**
 * Limit schedules on the smart-charging service, with the connection service beside it (both
 * their own processes, real Kafka and PostgreSQL): atomic replacement, validation, the effective
 * limit, the audit log, and grid-operator tokens that reach the limits of their granted sites
 * and nothing else in any service.
 */
describe('smart-charging limits', () => {
  const api = new OperatorApiClient({ dso: { roles: ['grid-operator'], sites: ['SITE-A'] } });
  let dir: string;
  let database: TestDatabase;
  let smartCharging: ServiceProcess;
  let connection: ServiceProcess;

  const call = (method: string, route: string, as: Role | 'dso' | 'nobody', body?: unknown) => api.call(smartCharging.baseUrl, method, route, as, body);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-limits-'));
    database = await createTestDatabase('limits');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('limits'), DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    [smartCharging, connection] = await Promise.all([
      freePort().then((port) => startService('smart-charging', env, port)),
      Promise.all([freePort(), freePort()]).then(([port, wsPort]) => startService('connection', { ...env, OCPP_WS_PORT: String(wsPort) }, port)),
    ]);
    await Promise.all([waitUntilReady(smartCharging), waitUntilReady(connection)]);
    for (const siteId of ['SITE-A', 'SITE-B']) expect((await call('POST', '/api/sites', 'operator', threeFeederSite(siteId, siteId))).status).toBe(201);
  });

  afterAll(async () => {
    await Promise.all([smartCharging, connection].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('replaces a schedule at once: readers in between always see one whole schedule', async () => {
    expect((await call('PUT', `${LIMITS}/operator`, 'operator', scheduleOf(1))).status).toBe(201);
    const writes = Array.from({ length: 30 }, (_, index) => index + 2);
    let writing = true;
    const reads: Json[] = [];
    const reader = async () => {
      while (writing) {
        const [one, all] = await Promise.all([call('GET', `${LIMITS}/operator`, 'viewer'), call('GET', LIMITS, 'viewer')]);
        reads.push(one.body, ...((all.body.schedules as Json[] | undefined) ?? []));
      }
    };
    const readers = [reader(), reader(), reader()];
    const written = await Promise.all(writes.map((n) => call('PUT', `${LIMITS}/operator`, 'operator', scheduleOf(n * 3))));
    writing = false;
    await Promise.all(readers);
    expect(written.every((answer) => answer.status === 200)).toBe(true);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((schedule) => !isWhole(schedule))).toEqual([]);
    const last = await call('GET', `${LIMITS}/operator`, 'viewer');
    expect(last.body).toMatchObject({ version: 31, updatedBy: 'e2e-operator' });
    expect(isWhole(last.body)).toBe(true);
  });

  it('refuses overlapping slots, and leaves the schedule as it was', async () => {
    const before = await call('GET', `${LIMITS}/operator`, 'viewer');
    const overlapping = { slots: [{ start: '2030-01-01T10:00:00+01:00', durationS: 3600, totalW: 1 }, { start: '2030-01-01T09:30:00Z', durationS: 60, totalW: 1 }] };
    expect((await call('PUT', `${LIMITS}/operator`, 'operator', overlapping)).body).toMatchObject({
      status: 400,
      detail: 'body.slots[1].start: overlaps slots[0], which lasts until 2030-01-01T10:00:00.000Z',
      errors: [{ field: 'body.slots[1].start', message: 'overlaps slots[0], which lasts until 2030-01-01T10:00:00.000Z' }],
    });
    expect((await call('PUT', `${LIMITS}/operator`, 'operator', { slots: [{ start: '2030-01-01T10:00:00', durationS: 0 }] })).body.errors).toEqual([
      { field: 'body.slots[0].start', message: 'must be an ISO 8601 instant with offset, e.g. 2025-06-01T17:00:00+02:00' },
      { field: 'body.slots[0].durationS', message: 'must be at least 1 s' },
      { field: 'body.slots[0]', message: 'a slot needs perPhaseA or totalW (or both)' },
    ]);
    expect((await call('PUT', `${LIMITS}/operator`, 'operator', scheduleOf(1001))).body).toMatchObject({ status: 400, detail: 'body.slots: must hold at most 1000 slots' });
    expect((await call('GET', `${LIMITS}/operator`, 'viewer')).body).toEqual(before.body);
    expect((await call('PUT', `${LIMITS}/operator`, 'operator', { ...scheduleOf(1000), version: 31 })).body).toMatchObject({ version: 32 });
  });

  it('refuses a replacement based on a stale version (409)', async () => {
    expect((await call('PUT', `${LIMITS}/operator`, 'operator', { ...scheduleOf(2), version: 31 })).body).toMatchObject({ status: 409, code: 'version-conflict', currentVersion: 32 });
    expect((await call('DELETE', `${LIMITS}/operator?version=31`, 'operator')).body).toMatchObject({ status: 409, code: 'version-conflict', currentVersion: 32 });
  });

  it('computes the effective limit now and at an instant: the minimum of the node’s limit and every source', async () => {
    const gridOperator = { default: { perPhaseA: [90, 90, 90] }, slots: [{ start: '2090-06-01T17:00:00+02:00', durationS: 7200, perPhaseA: [40, 120, 60], totalW: 20_000 }] };
    expect((await call('PUT', '/api/sites/SITE-A/nodes/F2/limits/grid-operator', 'dso', gridOperator)).status).toBe(201);
    expect((await call('PUT', '/api/sites/SITE-A/nodes/F2/limits/operator', 'operator', { default: { perPhaseA: [95, 80, 95] } })).status).toBe(201);
    const limits = await call('GET', '/api/sites/SITE-A/nodes/F2/limits?at=2090-06-01T15:30:00Z', 'viewer');
    expect(limits.body).toMatchObject({
      nodeLimit: { perPhaseA: [100, 100, 100] },
      schedules: [{ source: 'grid-operator', updatedBy: 'e2e-dso' }, { source: 'operator', updatedBy: 'e2e-operator' }],
      effectiveNow: { perPhaseA: [90, 80, 90], totalW: null, boundBy: { perPhaseA: ['grid-operator', 'operator', 'grid-operator'], totalW: null } },
      effectiveAt: { at: '2090-06-01T15:30:00.000Z', perPhaseA: [40, 80, 60], totalW: 20_000, boundBy: { perPhaseA: ['grid-operator', 'operator', 'grid-operator'], totalW: 'grid-operator' } },
    });
  });

  it('audits every change of a schedule exactly: who, when, before and after', async () => {
    const route = '/api/sites/SITE-B/nodes/SITE-B/limits/operator';
    const first = { default: { totalW: 100_000 }, slots: [] };
    const second = { default: null, slots: [{ start: '2030-01-01T00:00:00+01:00', durationS: 60, perPhaseA: [10, 10, 10] }] };
    expect((await call('PUT', route, 'operator', first)).status).toBe(201);
    expect((await call('PUT', route, 'admin', second)).status).toBe(200);
    expect((await call('DELETE', route, 'operator')).status).toBe(204);
    expect((await call('GET', route, 'viewer')).body).toMatchObject({ status: 404, code: 'limit-schedule-not-found' });
    const audit = await call('GET', '/api/sites/SITE-B/audit?source=operator', 'viewer');
    const normalised = { default: null, slots: [{ start: '2029-12-31T23:00:00.000Z', durationS: 60, perPhaseA: [10, 10, 10] }], version: 2 };
    const entry = { siteId: 'SITE-B', nodeId: 'SITE-B', source: 'operator', id: expect.any(String), at: expect.any(String) };
    expect(audit.body.items).toEqual([
      { ...entry, action: 'limits-deleted', actor: 'e2e-operator', before: normalised, after: null },
      { ...entry, action: 'limits-replaced', actor: 'e2e-admin', before: { ...first, version: 1 }, after: normalised },
      { ...entry, action: 'limits-replaced', actor: 'e2e-operator', before: null, after: { ...first, version: 1 } },
    ]);
    const [newest, , oldest] = (audit.body.items ?? []).map((item) => Date.parse(String(item.at)));
    expect(newest).toBeGreaterThanOrEqual(oldest ?? Number.NaN);
  });

  it('lets a grid-operator token read and write the grid-operator limits of its granted site', async () => {
    const schedule = { default: { totalW: 50_000 } };
    expect((await call('PUT', '/api/sites/SITE-A/nodes/SITE-A/limits/grid-operator', 'dso', schedule)).body).toMatchObject({ source: 'grid-operator', updatedBy: 'e2e-dso', version: 1 });
    expect((await call('GET', '/api/sites/SITE-A/nodes/SITE-A/limits', 'dso')).body).toMatchObject({ effectiveNow: { totalW: 50_000 } });
    expect((await call('GET', '/api/sites/SITE-A/nodes/SITE-A/limits/grid-operator', 'dso')).status).toBe(200);
    expect((await call('DELETE', '/api/sites/SITE-A/nodes/SITE-A/limits/grid-operator', 'dso')).status).toBe(204);
    expect((await call('PUT', '/api/sites/SITE-A/nodes/SITE-A/limits/operator', 'dso', schedule)).body).toMatchObject({ status: 403, code: 'limit-source-forbidden' });
  });

  it('refuses a grid-operator token everything else: another site, changes of the topology, other reads, and the connection service (403)', async () => {
    const notGranted = { status: 403, code: 'forbidden', detail: 'the grid-operator token "e2e-dso" is not granted site "SITE-B"' };
    expect((await call('GET', '/api/sites/SITE-B/nodes/F1/limits', 'dso')).body).toMatchObject(notGranted);
    expect((await call('PUT', '/api/sites/SITE-B/nodes/F1/limits/grid-operator', 'dso', { default: { totalW: 1 } })).body).toMatchObject(notGranted);
    expect((await call('GET', '/api/sites/SITE-B', 'dso')).body).toMatchObject(notGranted);
    expect((await call('GET', '/api/sites/SITE-B/audit', 'dso')).body).toMatchObject(notGranted);
    const elsewhere: [ServiceProcess, string, string, unknown][] = [
      [smartCharging, 'GET', '/api/sites', undefined],
      [smartCharging, 'GET', '/api/sites/SITE-A/nodes/F1', undefined],
      [smartCharging, 'PATCH', '/api/sites/SITE-A/nodes/F1', { version: 1, label: 'x' }],
      [smartCharging, 'GET', '/api/topology/stations/SITE-A-1', undefined],
      [connection, 'GET', '/api/stations', undefined],
      [connection, 'GET', '/api/transactions', undefined],
      [connection, 'GET', '/api/commands', undefined],
      [connection, 'POST', '/api/stations/SITE-A-1/commands/reset', {}],
    ];
    for (const [service, method, route, body] of elsewhere) {
      const answer = await api.call(service.baseUrl, method, route, 'dso', body);
      expect([route, answer.status, answer.body.code]).toEqual([route, 403, 'forbidden']);
    }
    expect((await call('GET', '/api/sites/SITE-A/nodes/F1/limits', 'dso')).status).toBe(200);
    // Its granted site's tree (which node to limit) and audit log (who changed what) are its to read.
    expect((await call('GET', '/api/sites/SITE-A', 'dso')).status).toBe(200);
    expect((await call('GET', '/api/sites/SITE-A/audit', 'dso')).status).toBe(200);
  });

  it('lets operators write operator limits but not grid-operator ones; admins both; viewers neither', async () => {
    const route = '/api/sites/SITE-B/nodes/F3/limits';
    const schedule = { default: { totalW: 30_000 } };
    expect((await call('PUT', `${route}/grid-operator`, 'operator', schedule)).body).toMatchObject({ status: 403, code: 'limit-source-forbidden' });
    expect((await call('PUT', `${route}/grid-operator`, 'admin', schedule)).status).toBe(201);
    expect((await call('PUT', `${route}/operator`, 'operator', schedule)).status).toBe(201);
    expect((await call('PUT', `${route}/operator`, 'viewer', schedule)).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await call('PUT', `${route}/oscp:acme`, 'admin', schedule)).body).toMatchObject({ status: 400, errors: [{ field: 'path.source' }] });
    expect((await call('GET', `${route}/oscp:acme`, 'viewer')).body).toMatchObject({ status: 404, code: 'limit-schedule-not-found' });
    expect((await call('GET', '/api/sites/SITE-B/nodes/NOPE/limits', 'viewer')).body).toMatchObject({ status: 404, code: 'node-not-found' });
    expect((await call('GET', '/api/sites/SITE-Z/nodes/F1/limits', 'viewer')).body).toMatchObject({ status: 404, code: 'site-not-found' });
  });
});
