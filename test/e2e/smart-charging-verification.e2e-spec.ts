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
const SITE = 'SITE-V';
const LIMIT_A = 32;
const OVERDRAW_A = 8;

/** One grid connection of 32 A per phase, two 32 A three-phase chargers below it. */
const site: Json = {
  siteId: SITE,
  limit: { perPhaseA: [LIMIT_A, LIMIT_A, LIMIT_A] },
  children: ['VER-A', 'VER-B'].map((stationId) => ({
    kind: 'charger',
    stationId,
    rating: { maxA: 32, phases: 3 },
    children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }],
  })),
};

/**
 * Verification by measurement, end to end: the connection and smart-charging services in their
 * own processes on real Kafka and PostgreSQL, two simulated stations sharing a 32 A connection.
 * One ignores its profile and draws 8 A more (a 1.6 station, so its draw is only known from its
 * periodic meter values); the deviation is listed, the other station's profile is lowered so
 * that the site holds, and once the first complies the deviation closes and both get their share.
 */
describe('smart-charging verification of the draw', () => {
  const api = new OperatorApiClient({ dso: { roles: ['grid-operator'], sites: [SITE] }, otherDso: { roles: ['grid-operator'], sites: ['SITE-X'] } });
  let dir: string;
  let database: TestDatabase;
  let smartCharging: ServiceProcess;
  let connection: ServiceProcess;
  let overdrawing: SimulatedStation;
  let obeying: SimulatedStation;

  const call = (route: string, as: Role | 'dso' | 'otherDso' | 'nobody' = 'viewer') => api.call(smartCharging.baseUrl, 'GET', route, as);
  const services = () => [smartCharging, connection];
  const ampsOf = (station: SimulatedStation) => station.currentDraw(1)?.ampsPerPhase ?? 0;
  const profileLimit = (station: SimulatedStation) => station.limitOn(1).limit;
  const openDeviations = async () => (await call(`/api/sites/${SITE}/deviations`)).body.items ?? [];
  const allocation = async () => (await call(`/api/sites/${SITE}/allocation`)).body;
  const sessionOf = (plan: Json, stationId: string) => (plan.sessions as Json[] | undefined)?.find((session) => session.stationId === stationId);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-verification-'));
    database = await createTestDatabase('verification');
    const wsPort = await freePort();
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('verify'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      OCPP_WS_PORT: String(wsPort),
      OCPP_UNKNOWN_STATIONS: 'accept',
      OCPP_UNKNOWN_ID_TOKENS: 'accept',
      LOG_LEVEL: 'warn',
    };
    [smartCharging, connection] = await Promise.all([freePort().then((port) => startService('smart-charging', env, port)), freePort().then((port) => startService('connection', env, port))]);
    await Promise.all([waitUntilReady(smartCharging), waitUntilReady(connection)]);
    expect((await api.call(smartCharging.baseUrl, 'POST', '/api/sites', 'operator', site)).status).toBe(201);

    const url = `ws://127.0.0.1:${wsPort}/ocpp`;
    overdrawing = new SimulatedStation({ id: 'VER-A', version: '1.6', connection: { url, securityProfile: 0 }, meterIntervalS: 1 });
    obeying = new SimulatedStation({ id: 'VER-B', version: '2.0.1', connection: { url, securityProfile: 0 }, meterIntervalS: 1 });
    for (const station of [overdrawing, obeying]) {
      await station.connect();
      await station.boot();
      await station.startTransaction({ evseId: 1, idToken: 'TAG-1' });
    }
    // Both sessions hold their share of the 32 A: 16 A each.
    await eventually(
      'both stations holding 16 A',
      async () => (profileLimit(overdrawing) === 16 && profileLimit(obeying) === 16 && ampsOf(overdrawing) === 16 ? true : undefined),
      WAIT_MS,
      services(),
    );
  });

  afterAll(async () => {
    await Promise.all([overdrawing, obeying].map((station) => station?.dispose()));
    await Promise.all([smartCharging, connection].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has no deviation while every station follows its profile', async () => {
    // Meter values of both stations have been judged by now: 16 A drawn against 16 A offered.
    await eventually('a judged draw of each session', async () => {
      const plan = await allocation();
      return ['VER-A', 'VER-B'].every((stationId) => sessionOf(plan, stationId)?.drawnA === 16 && sessionOf(plan, stationId)?.offeredA === 16) ? true : undefined;
    }, WAIT_MS, services());
    expect(await openDeviations()).toEqual([]);
  });

  it('flags a station that draws more than its profile allows, and lowers the other so that the site holds', async () => {
    await overdrawing.setOverdraw(OVERDRAW_A);
    expect(ampsOf(overdrawing)).toBe(16 + OVERDRAW_A);

    const [deviation] = await eventually('an open deviation', async () => {
      const open = await openDeviations();
      return open.length > 0 ? open : undefined;
    }, WAIT_MS, services());
    expect(deviation).toMatchObject({
      siteId: SITE,
      stationId: 'VER-A',
      evseId: 1,
      transactionId: overdrawing.transactionIdOn(1),
      phases: ['L1', 'L2', 'L3'],
      drawnPeakA: 24,
      excessPeakA: 8,
      closedAt: null,
    });
    // The offer it was judged against: 16 A, or already the 12 A it was lowered to when judged again.
    expect([16, 12]).toContain(deviation?.allowedA);
    const warning = /"level":"warn".*"component":"draw-verifier".*"stationId":"VER-A".*"allowedA":16,"drawnPeakA":24.*station draws more than its charging profile allows/;
    await eventually('the structured warning', async () => (warning.test(smartCharging.output()) ? true : undefined), WAIT_MS, services());

    // The 8 A excess comes out of the other session's share: 32 - 8 = 24 between them, 12 A each.
    await eventually(
      'the other station lowered, the overdrawing one still 8 A over its own',
      async () => (profileLimit(obeying) === 12 && ampsOf(obeying) === 12 && profileLimit(overdrawing) === 12 && ampsOf(overdrawing) === 12 + OVERDRAW_A ? true : undefined),
      WAIT_MS,
      services(),
    );
    expect(ampsOf(overdrawing) + ampsOf(obeying)).toBeLessThanOrEqual(LIMIT_A);
    // Once judged against its new offer, it is held to that offer with the same 8 A excess: a steady state.
    const plan = await eventually('the allocation showing the overdraw', async () => {
      const latest = await allocation();
      const overdraw = sessionOf(latest, 'VER-A')?.overdraw as Json | null | undefined;
      return overdraw?.heldToA === 12 && sessionOf(latest, 'VER-A')?.drawnA === 20 && sessionOf(latest, 'VER-B')?.drawnA === 12 ? latest : undefined;
    }, WAIT_MS, services());
    expect(sessionOf(plan, 'VER-A')).toMatchObject({ allocatedA: 12, offeredA: 12, overdraw: { heldToA: 12, excessA: [8, 8, 8] } });
    expect(sessionOf(plan, 'VER-B')).toMatchObject({ allocatedA: 12, overdraw: null });
    const root = (plan.nodes as Json[]).find((node) => node.nodeId === SITE);
    expect((root?.loadA as number[]).every((amps) => amps <= LIMIT_A)).toBe(true);
  });

  it('shows the deviation to viewers and to a grid operator of the site, to no one else', async () => {
    expect((await call(`/api/sites/${SITE}/deviations`, 'dso')).body.items).toHaveLength(1);
    expect(await call(`/api/sites/${SITE}/deviations`, 'otherDso')).toMatchObject({ status: 403 });
    expect(await call(`/api/sites/${SITE}/deviations`, 'nobody')).toMatchObject({ status: 401 });
    expect(await call(`/api/sites/${SITE}/allocation`, 'dso')).toMatchObject({ status: 403 });
    const invalid = await call(`/api/sites/${SITE}/deviations?closedSince=yesterday`);
    expect(invalid).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'query.closedSince' })] } });
  });

  it('documents the view in OpenAPI, with its parameters and who may call it', async () => {
    type Operation = { 'x-required-role'?: string; 'x-grid-operator-site'?: string; parameters?: { name: string; in: string }[]; responses?: Record<string, unknown> };
    const document = (await (await fetch(`${smartCharging.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const operation = document.paths['/api/sites/{siteId}/deviations']?.get;
    expect(operation).toMatchObject({ 'x-required-role': 'viewer|grid-operator', 'x-grid-operator-site': 'siteId' });
    expect(operation?.parameters?.map((parameter) => `${parameter.in}.${parameter.name}`).sort()).toEqual(['path.siteId', 'query.closedSince', 'query.cursor', 'query.limit']);
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
  });

  it('closes the deviation once the station complies, and gives both their share again', async () => {
    const since = new Date(Date.now() - 3_600_000).toISOString();
    await overdrawing.setOverdraw(0);
    await eventually('no open deviation', async () => ((await openDeviations()).length === 0 ? true : undefined), WAIT_MS, services());
    const closed = (await call(`/api/sites/${SITE}/deviations?closedSince=${encodeURIComponent(since)}`)).body.items ?? [];
    expect(closed).toEqual([expect.objectContaining({ stationId: 'VER-A', closedAt: expect.any(String), drawnPeakA: 24 })]);
    expect(Date.parse(String(closed[0]?.closedAt))).toBeGreaterThan(Date.parse(String(closed[0]?.openedAt)));
    await eventually('both stations back at 16 A', async () => (profileLimit(overdrawing) === 16 && profileLimit(obeying) === 16 ? true : undefined), WAIT_MS, services());
    expect(sessionOf(await allocation(), 'VER-A')?.overdraw).toBeNull();
    const rows = await database.query<{ closed: number }>(`SELECT count(*)::int AS closed FROM smart_charging.draw_deviation WHERE site_id = $1 AND closed_at IS NOT NULL`, [SITE]);
    expect(rows[0]?.closed).toBe(1);
  });
});
