import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const WAIT_MS = 90_000;
const SITE = 'SITE-H';
const HISTORY = `/api/sites/${SITE}/nodes/${SITE}/draw-history`;
const LOWERED_A = 20;

/** One grid connection of 32 A per phase, two 32 A three-phase chargers below it. */
const site: Json = {
  siteId: SITE,
  limit: { perPhaseA: [32, 32, 32] },
  children: ['HIS-A', 'HIS-B'].map((stationId) => ({
    kind: 'charger',
    stationId,
    rating: { maxA: 32, phases: 3 },
    children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }],
  })),
};

interface Point {
  at: string;
  limitA: number[] | null;
  limitW: number | null;
  allocatedA: number[];
  allocatedW: number;
  drawnA: number[];
  samples: number;
}

const atOf = (point: Point) => Date.parse(point.at);
const peakOf = (values: number[]) => Math.max(...values);

/**
 * The draw history, end to end: the connection and smart-charging services in their own processes
 * on real Kafka and PostgreSQL, two simulated stations sharing a 32 A connection, sampled every
 * second. Samples appear while the sessions draw; a lowered limit shows at once and the draw
 * follows below it; many samples fold into buckets; only granted callers read it; a second
 * replica leaves the sampling to the one that holds the site's lease.
 */
describe('smart-charging draw history', () => {
  const api = new OperatorApiClient({ dso: { roles: ['grid-operator'], sites: [SITE] }, otherDso: { roles: ['grid-operator'], sites: ['SITE-X'] } });
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let smartCharging: ServiceProcess;
  let connection: ServiceProcess;
  let stations: SimulatedStation[] = [];
  let startedAt: number;

  const call = (method: string, route: string, as: Role | 'dso' | 'otherDso' | 'nobody' = 'viewer', body?: unknown) => api.call(smartCharging.baseUrl, method, route, as, body);
  const services = () => [smartCharging, connection];
  const pointsOf = async (route: string): Promise<Point[]> => {
    const answer = await call('GET', route);
    expect(answer.status).toBe(200);
    return answer.body.points as Point[];
  };
  const samplesWritten = async (service: ServiceProcess) => {
    const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
    return Number(/^csms_draw_history_samples_total (\d+)/m.exec(text)?.[1] ?? Number.NaN);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-draw-history-'));
    database = await createTestDatabase('draw_history');
    const wsPort = await freePort();
    env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('drawhist'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      OCPP_WS_PORT: String(wsPort),
      OCPP_UNKNOWN_STATIONS: 'accept',
      OCPP_UNKNOWN_ID_TOKENS: 'accept',
      DRAW_HISTORY_SAMPLE_SECONDS: '1',
      LOG_LEVEL: 'warn',
    };
    [smartCharging, connection] = await Promise.all([freePort().then((port) => startService('smart-charging', env, port)), freePort().then((port) => startService('connection', env, port))]);
    await Promise.all([waitUntilReady(smartCharging), waitUntilReady(connection)]);
    startedAt = Date.now();
    expect((await call('POST', '/api/sites', 'operator', site)).status).toBe(201);

    const url = `ws://127.0.0.1:${wsPort}/ocpp`;
    stations = ['HIS-A', 'HIS-B'].map((id) => new SimulatedStation({ id, version: '2.0.1', connection: { url, securityProfile: 0 }, meterIntervalS: 1 }));
    for (const station of stations) {
      await station.connect();
      await station.boot();
      await station.startTransaction({ evseId: 1, idToken: 'TAG-1' });
    }
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.dispose()));
    await Promise.all([smartCharging, connection].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records each node’s limit, allocation and measured draw while the sessions draw', async () => {
    // Both sessions at their 16 A share: the site carries 32 A on every phase, a charger 16 A.
    const point = await eventually('a site sample with both sessions drawing', async () => (await pointsOf(HISTORY)).find((candidate) => peakOf(candidate.drawnA) === 32), WAIT_MS, services());
    expect(point).toMatchObject({ limitA: [32, 32, 32], limitW: null, allocatedA: [32, 32, 32], drawnA: [32, 32, 32], samples: 1 });
    const answer = await call('GET', HISTORY);
    expect(answer.body).toMatchObject({ siteId: SITE, nodeId: SITE, sampleSeconds: 1, bucketSeconds: null, current: { limitA: [32, 32, 32], limitW: null } });
    const points = answer.body.points as Point[];
    expect(points.map(atOf)).toEqual([...points.map(atOf)].sort((a, b) => a - b));
    const charger = await eventually('a charger sample', async () => (await pointsOf(`/api/sites/${SITE}/nodes/HIS-A/draw-history`)).find((candidate) => peakOf(candidate.drawnA) === 16), WAIT_MS, services());
    expect(charger).toMatchObject({ limitA: null, allocatedA: [16, 16, 16], drawnA: [16, 16, 16] });
    // The whole site at once: one history per node.
    const whole = await call('GET', `/api/sites/${SITE}/draw-history`);
    expect(whole.status).toBe(200);
    expect((whole.body.nodes as Json[]).map((node) => node.nodeId)).toEqual(expect.arrayContaining([SITE, 'HIS-A', 'HIS-B']));
    expect(await samplesWritten(smartCharging)).toBeGreaterThan(0);
  });

  it('shows a lowered limit within a few samples, and the draw following below it', async () => {
    const lowered = await call('PUT', `/api/sites/${SITE}/nodes/${SITE}/limits/operator`, 'operator', { default: { perPhaseA: [LOWERED_A, LOWERED_A, LOWERED_A] } });
    expect(lowered.status).toBe(201);
    // Order, not latency (other files share the machine): a sample with the lowered limit follows the last one with the old limit.
    const first = await eventually('a sample with the lowered limit', async () => (await pointsOf(HISTORY)).find((point) => point.limitA?.[0] === LOWERED_A), WAIT_MS, services());
    const history = await pointsOf(HISTORY);
    const lastOld = history.filter((point) => point.limitA?.[0] === 32).at(-1);
    expect(lastOld).toBeDefined();
    expect(atOf(first)).toBeGreaterThan(atOf(lastOld as Point));
    expect(history.filter((point) => atOf(point) >= atOf(first)).every((point) => point.limitA?.[0] === LOWERED_A)).toBe(true);
    expect((await call('GET', HISTORY)).body.current).toEqual({ limitA: [LOWERED_A, LOWERED_A, LOWERED_A], limitW: null });
    // The stations take their lowered profiles (10 A each) and their meters follow.
    const settled = await eventually(
      'the draw below the lowered limit',
      async () => (await pointsOf(HISTORY)).find((point) => point.limitA?.[0] === LOWERED_A && peakOf(point.drawnA) > 0 && peakOf(point.drawnA) <= LOWERED_A),
      WAIT_MS,
      services(),
    );
    expect(settled.allocatedA).toEqual([LOWERED_A, LOWERED_A, LOWERED_A]);
    await eventually('three more samples', async () => ((await pointsOf(HISTORY)).filter((point) => atOf(point) > atOf(settled)).length >= 3 ? true : undefined), WAIT_MS, services());
    const after = (await pointsOf(HISTORY)).filter((point) => atOf(point) >= atOf(settled));
    expect(after.every((point) => peakOf(point.drawnA) <= LOWERED_A && point.limitA?.[0] === LOWERED_A)).toBe(true);
  });

  it('folds more samples than maxPoints into time buckets: peak draw, limit at the end, mean allocation', async () => {
    // More samples than buckets × 2, however fast the tests before ran: wait for them (a sample a second), then fix the range.
    const since = `from=${new Date(startedAt).toISOString()}`;
    await eventually('more than 6 samples', async () => ((await pointsOf(`${HISTORY}?${since}&maxPoints=5000`)).length > 6 ? true : undefined), WAIT_MS, services());
    const range = `${since}&to=${new Date().toISOString()}`;
    const raw = await pointsOf(`${HISTORY}?${range}&maxPoints=5000`);
    expect(raw.length).toBeGreaterThan(6);
    const folded = await call('GET', `${HISTORY}?${range}&maxPoints=3`);
    const buckets = folded.body.points as Point[];
    expect(folded.body.bucketSeconds).toBeGreaterThan(0);
    expect(buckets.length).toBeLessThanOrEqual(3);
    expect(buckets.reduce((sum, point) => sum + point.samples, 0)).toBe(raw.length);
    expect(peakOf(buckets.map((point) => peakOf(point.drawnA)))).toBe(peakOf(raw.map((point) => peakOf(point.drawnA))));
    expect(buckets.at(-1)?.limitA).toEqual(raw.at(-1)?.limitA);
  });

  it('folds in PostgreSQL into exact buckets: peak draw, the newest sample’s limit, mean allocation; caps a site’s nodes × maxPoints', async () => {
    // A site of 11 nodes with no station connected (never planned, never sampled): its root's samples are seeded, 1 s apart.
    const seeded = 'SITE-Q';
    const chargers = Array.from({ length: 10 }, (_, index) => ({ kind: 'charger', stationId: `Q-${index}`, rating: { maxA: 16, phases: 3 } }));
    expect((await call('POST', '/api/sites', 'operator', { siteId: seeded, limit: { perPhaseA: [32, 32, 32] }, children: chargers })).status).toBe(201);
    const t0 = Math.floor(startedAt / 1000) * 1000 - 60_000;
    const rows = Array.from({ length: 10 }, (_, i) => [seeded, seeded, new Date(t0 + i * 1000), i < 3 ? 32 : i < 7 ? 16 : null, i >= 7 ? 11_000 : null, i < 5 ? 8 : 4, i === 1 ? 30 : 10]);
    for (const row of rows) {
      await database.query(
        `INSERT INTO smart_charging.draw_sample (site_id, node_id, at, limit_l1_a, limit_l2_a, limit_l3_a, limit_w, allocated_l1_a, allocated_l2_a, allocated_l3_a, allocated_w, drawn_l1_a, drawn_l2_a, drawn_l3_a)
         VALUES ($1, $2, $3, $4::real, $4::real, $4::real, $5::real, $6::real, $6::real, $6::real, $6::real * 690, $7::real, $7::real, $7::real)`,
        row,
      );
    }
    const range = (maxPoints: number) => `from=${new Date(t0).toISOString()}&to=${new Date(t0 + 10_000).toISOString()}&maxPoints=${maxPoints}`;
    const nodeRoute = `/api/sites/${seeded}/nodes/${seeded}/draw-history`;
    const bucket = (at: number, samples: number, drawn: number, allocated: number, limitA: number | null, limitW: number | null) => ({
      at: new Date(at).toISOString(),
      limitA: limitA === null ? null : [limitA, limitA, limitA],
      limitW,
      allocatedA: [allocated, allocated, allocated],
      allocatedW: allocated * 690,
      drawnA: [drawn, drawn, drawn],
      samples,
    });
    // Fits: the samples as they are.
    const raw = await call('GET', `${nodeRoute}?${range(10)}`);
    expect(raw.body.bucketSeconds).toBeNull();
    expect(raw.body.points).toEqual(rows.map((row, i) => bucket(t0 + i * 1000, 1, row[6] as number, row[5] as number, row[3] as number | null, row[4] as number | null)));
    // Two buckets of 5 s: the first holds the 30 A peak, the mean of 8 A and the 16 A limit its newest sample had; the second the W limit only.
    const two = await call('GET', `${nodeRoute}?${range(2)}`);
    expect(two.body).toMatchObject({ bucketSeconds: 5, points: [bucket(t0, 5, 30, 8, 16, null), bucket(t0 + 5000, 5, 10, 4, null, 11_000)] });
    // Three buckets of 3.334 s from `from`: 4, 3 and 3 samples; the mean allocation of the second is (8 + 4 + 4) / 3.
    const three = await call('GET', `/api/sites/${seeded}/draw-history?${range(3)}`);
    const root = (three.body.nodes as Json[]).find((node) => node.nodeId === seeded) as Json;
    expect(root.bucketSeconds).toBe(3.334);
    expect((root.points as Point[]).map((point) => [Date.parse(point.at) - t0, point.samples, point.drawnA[0], point.limitA?.[0] ?? null, point.limitW])).toEqual([
      [0, 4, 30, 16, null],
      [3334, 3, 10, 16, null],
      [6668, 3, 10, null, 11_000],
    ]);
    expect((root.points as Point[])[1]?.allocatedA[0]).toBeCloseTo(16 / 3, 5);
    // 11 nodes × 5000 points is more than a site-wide read may answer; without maxPoints the default fits.
    const nodeCount = (three.body.nodes as Json[]).length;
    expect(nodeCount).toBeGreaterThanOrEqual(11);
    expect(await call('GET', `/api/sites/${seeded}/draw-history?maxPoints=5000`)).toMatchObject({ status: 400, body: { code: 'too-many-points' } });
    expect((await call('GET', `/api/sites/${seeded}/draw-history`)).status).toBe(200);
  });

  it('answers granted callers only, 404 for an unknown site or node, 400 for a bad range', async () => {
    expect((await call('GET', HISTORY, 'dso')).status).toBe(200);
    expect((await call('GET', `/api/sites/${SITE}/draw-history`, 'dso')).status).toBe(200);
    expect((await call('GET', HISTORY, 'otherDso')).status).toBe(403);
    expect((await call('GET', `/api/sites/${SITE}/draw-history`, 'otherDso')).status).toBe(403);
    expect((await call('GET', HISTORY, 'nobody')).status).toBe(401);
    expect(await call('GET', '/api/sites/SITE-NONE/nodes/SITE-NONE/draw-history')).toMatchObject({ status: 404, body: { code: 'site-not-found' } });
    expect(await call('GET', '/api/sites/SITE-NONE/draw-history')).toMatchObject({ status: 404, body: { code: 'site-not-found' } });
    expect(await call('GET', `/api/sites/${SITE}/nodes/NO-NODE/draw-history`)).toMatchObject({ status: 404, body: { code: 'node-not-found' } });
    const now = Date.now();
    expect(await call('GET', `${HISTORY}?from=${new Date(now).toISOString()}&to=${new Date(now - 1000).toISOString()}`)).toMatchObject({ status: 400, body: { code: 'invalid-range' } });
    expect(await call('GET', `${HISTORY}?from=${new Date(now - 32 * 86_400_000).toISOString()}`)).toMatchObject({ status: 400, body: { code: 'invalid-range' } });
    for (const query of ['maxPoints=0', 'maxPoints=5001', 'from=yesterday', 'unknown=1']) expect([query, (await call('GET', `${HISTORY}?${query}`)).status]).toEqual([query, 400]);
  });

  it('leaves a site to the replica that holds its lease when another replica runs', async () => {
    const second = startService('smart-charging', env, await freePort());
    try {
      await waitUntilReady(second);
      // The second replica plans the site too, but does not sample it while the first keeps its lease.
      await eventually('the second replica planning the site', async () => ((await api.call(second.baseUrl, 'GET', `/api/sites/${SITE}/allocation`, 'viewer')).status === 200 ? true : undefined), WAIT_MS, [second, ...services()]);
      const before = await samplesWritten(smartCharging);
      await eventually('the first replica sampling on', async () => ((await samplesWritten(smartCharging)) >= before + 3 * 5 ? true : undefined), WAIT_MS, [second, ...services()]);
      expect(await samplesWritten(second)).toBe(0);
      // One sample per node and tick: no second writer doubles the history.
      const to = Date.now() - 1000;
      const window = await pointsOf(`${HISTORY}?from=${new Date(to - 5000).toISOString()}&to=${new Date(to).toISOString()}`);
      expect(window.length).toBeLessThanOrEqual(7);
    } finally {
      await second.stop('SIGKILL');
    }
  });
});
