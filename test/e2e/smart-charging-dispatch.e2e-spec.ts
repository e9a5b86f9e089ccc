import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const WAIT_MS = 90_000;
const SOONER_THAN_SAFETY_NET_MS = 30_000;
const SITE = 'SITE-D';
const VOLTAGE = 230;

/** 40 A per phase at the grid connection; D-1 wired straight, D-2 rotated; one 32 A three-phase EVSE each. */
const site = {
  siteId: SITE,
  limit: { perPhaseA: [40, 40, 40] },
  children: [
    { kind: 'charger', stationId: 'D-1', rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] },
    { kind: 'charger', stationId: 'D-2', wiring: ['L2', 'L3', 'L1'], rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] },
  ],
};

/**
 * Dispatch end to end, on real Kafka and PostgreSQL with the connection and smart-charging
 * services in their own processes and simulated stations of both OCPP versions: the allocation
 * reaches the stations as profiles they accept and hold; a grid operator's limit, an operator's
 * profile sent through the connection service's REST command and a limit a station reports are
 * all honoured, and the rest of the site's capacity goes to the other station.
 */
describe('smart-charging dispatch', () => {
  const api = new OperatorApiClient({ dso: { roles: ['grid-operator'], sites: [SITE] } });
  const stations = new Map<string, SimulatedStation>();
  let dir: string;
  let database: TestDatabase;
  let smartCharging: ServiceProcess;
  let connection: ServiceProcess;

  const station = (id: string): SimulatedStation => {
    const found = stations.get(id);
    if (found === undefined) throw new Error(`no station ${id}`);
    return found;
  };

  /** The current per phase the station lets its EVSE 1 draw now, from every profile it holds (and its hardware). */
  const heldA = (id: string): number => {
    const rate = station(id).limitOn(1);
    return rate.unit === 'A' ? rate.limit : rate.limit / (VOLTAGE * rate.numberPhases);
  };

  /**
   * Waits until both stations hold what `expected` says (A per phase, to a tenth). `withinMs` below
   * the allocator's 60 s safety net proves the change itself was acted on, not the periodic replan.
   */
  const holding = (what: string, expected: Readonly<Record<'D-1' | 'D-2', (amps: number) => boolean>>, withinMs = WAIT_MS) =>
    eventually(
      what,
      async () => {
        const held = { 'D-1': heldA('D-1'), 'D-2': heldA('D-2') };
        return expected['D-1'](held['D-1']) && expected['D-2'](held['D-2']) ? held : undefined;
      },
      withinMs,
      [smartCharging, connection],
    );
  const near = (target: number) => (amps: number) => Math.abs(amps - target) < 0.15;

  const smart = (method: string, route: string, as: 'viewer' | 'operator' | 'dso', body?: unknown) => api.call(smartCharging.baseUrl, method, route, as, body);
  const command = (stationId: string, name: string, body: unknown) => api.call(connection.baseUrl, 'POST', `/api/stations/${stationId}/commands/${name}`, 'operator', body);
  const sourcesOn = async (nodeId: string): Promise<Json[]> => ((await smart('GET', `/api/sites/${SITE}/nodes/${encodeURIComponent(nodeId)}/limits`, 'viewer')).body.schedules as Json[] | undefined) ?? [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-dispatch-'));
    database = await createTestDatabase('sc_dispatch');
    const wsPort = await freePort();
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('scdispatch'), DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    [smartCharging, connection] = await Promise.all([
      freePort().then((port) => startService('smart-charging', env, port)),
      freePort().then((port) => startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept' }, port)),
    ]);
    await Promise.all([waitUntilReady(smartCharging), waitUntilReady(connection)]);
    expect((await smart('POST', '/api/sites', 'operator', site)).status).toBe(201);

    for (const [id, version] of [['D-1', '1.6'], ['D-2', '2.0.1']] as const satisfies readonly (readonly [string, OcppVersion])[]) {
      const simulated = new SimulatedStation({ id, version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 }, meterIntervalS: 5 });
      stations.set(id, simulated);
      await simulated.connect();
      await simulated.boot();
    }
    // The smart-charging service knows both stations and what they take before the EVs arrive.
    for (const id of stations.keys()) {
      await eventually(`${id} known with its capabilities`, async () => {
        const view = await smart('GET', `/api/topology/stations/${id}/charging`, 'viewer');
        return view.body.connected === true && view.body.capabilities !== null ? true : undefined;
      }, WAIT_MS, [smartCharging, connection]);
    }
    for (const id of stations.keys()) await station(id).startTransaction({ evseId: 1, idToken: `TAG-${id}`, vehicle: { phases: 3, maxCurrentA: 32 } });
  });

  afterAll(async () => {
    await Promise.all([...stations.values()].map((simulated) => simulated.dispose()));
    await Promise.all([smartCharging, connection].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('(a) shares 40 A per phase: each station accepts and holds 20 A for its EV', async () => {
    await holding('both stations holding 20 A', { 'D-1': near(20), 'D-2': near(20) });
    // Idle EVSEs may already hold 20 A through the default profile: the sessions' own TxProfiles must be what the stations accepted.
    for (const id of stations.keys()) {
      const tx = await eventually(
        `${id} holding an accepted TxProfile of 20 A`,
        async () => {
          const view = await smart('GET', `/api/topology/stations/${id}/charging`, 'viewer');
          const found = (view.body.profiles as Json[]).find((profile) => profile.purpose === 'tx' && profile.outcome === 'accepted');
          return (found?.profile as { periods?: { limit: number }[] } | undefined)?.periods?.[0]?.limit === 20 ? found : undefined;
        },
        WAIT_MS,
        [smartCharging],
      );
      expect(tx).toMatchObject({ evseId: 1, profile: { rateUnit: 'A', transactionId: station(id).transactionIdOn(1) } });
    }
    await holding('both stations still holding 20 A', { 'D-1': near(20), 'D-2': near(20) });
  });

  it('(b) follows a grid operator’s limit of 24 A: 12 A each', async () => {
    expect((await smart('PUT', `/api/sites/${SITE}/nodes/${SITE}/limits/grid-operator`, 'dso', { default: { perPhaseA: [24, 24, 24] } })).status).toBe(201);
    await holding('12 A each', { 'D-1': near(12), 'D-2': near(12) });
  });

  it('(c) honours an operator’s station-max profile of 8 A on D-1, sent through the connection service: D-2 gets the rest', async () => {
    const startSchedule = new Date(Date.now() - 60_000).toISOString();
    // Stack level 10 is the one the smart-charging service uses on these stations: it must move aside, not replace the operator's.
    const profile = { id: 501, stackLevel: 10, purpose: 'station-max', kind: 'absolute', unit: 'A', startSchedule, periods: [{ startSeconds: 0, limit: 8, numberPhases: 3 }] };
    const answer = await command('D-1', 'set-charging-profile', { evseId: 0, profile });
    expect(answer.body).toMatchObject({ status: 'accepted' });
    await holding('D-1 at most 8 A, D-2 16 A', { 'D-1': (amps) => amps <= 8 + 1e-9 && amps >= 7.85, 'D-2': near(16) });

    const recorded = (await sourcesOn('D-1')).find((schedule) => schedule.source === 'operator-profile:D-1:station-max:0:10:501');
    expect(recorded).toMatchObject({ updatedBy: 'e2e-operator', default: null });
    // Without an end, the profile holds on: five years of slots, every one 8 A per phase, the first from when the station took it.
    const slots = recorded?.slots as { start: string; durationS: number; perPhaseA: number[] }[];
    expect(slots.every((slot) => slot.perPhaseA.every((amps) => amps === 8))).toBe(true);
    expect(Date.parse(slots[0]?.start ?? '')).toBeLessThanOrEqual(Date.now());
    expect(slots.reduce((total, slot) => total + slot.durationS, 0)).toBeGreaterThan(5 * 365 * 86_400);
    // Only the service writes these: the REST API refuses them, for replacing as for deleting.
    const route = `/api/sites/${SITE}/nodes/D-1/limits/${encodeURIComponent('operator-profile:D-1:station-max:0:10:501')}`;
    for (const [method, body] of [['PUT', { default: { perPhaseA: [32, 32, 32] } }], ['DELETE', undefined]] as const) {
      expect((await api.call(smartCharging.baseUrl, method, route, 'admin', body)).body).toMatchObject({ status: 400, detail: expect.stringContaining('written by the service itself') });
    }
    const audit = await smart('GET', `/api/sites/${SITE}/audit?source=${encodeURIComponent('operator-profile:D-1:station-max:0:10:501')}`, 'operator');
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'limits-replaced', actor: 'e2e-operator', nodeId: 'D-1' })]);
    const guard = await eventually(
      'our station-max profile on D-1 below the operator’s stack level',
      async () => {
        const view = await smart('GET', '/api/topology/stations/D-1/charging', 'viewer');
        const ours = (view.body.profiles as Json[]).find((held) => held.purpose === 'station-max');
        return ours?.outcome === 'accepted' && (ours.profile as Json).stackLevel === 9 ? ours : undefined;
      },
      WAIT_MS,
      [smartCharging],
    );
    expect((guard.profile as { periods: { limit: number }[] }).periods[0]?.limit).toBeLessThanOrEqual(8);
  });

  it('(d) honours a limit D-2 reports (NotifyChargingLimit, EMS, 10 A): D-1 keeps what its own limits allow; cleared, D-2 has 16 A again', async () => {
    await station('D-2').notifyChargingLimit({ source: 'EMS', evseId: 1, schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 10, numberPhases: 3 }] } });
    await eventually(
      'the EMS limit recorded on D-2’s EVSE',
      async () => ((await sourcesOn('D-2:1')).some((schedule) => schedule.source === 'station:D-2:EMS:1' && schedule.updatedBy === 'station:D-2') ? true : undefined),
      WAIT_MS,
      [smartCharging],
    );
    await eventually(
      'the allocation giving D-2 at most 10 A and D-1 its 8 A',
      async () => {
        const plan = await smart('GET', `/api/sites/${SITE}/allocation`, 'viewer');
        const allocated = new Map(((plan.body.sessions as Json[] | undefined) ?? []).map((session) => [session.stationId, Number(session.allocatedA)]));
        return (allocated.get('D-2') ?? Infinity) <= 10 && near(8)(allocated.get('D-1') ?? 0) ? true : undefined;
      },
      WAIT_MS,
      [smartCharging],
    );
    await holding('D-2 at most 10 A, D-1 8 A', { 'D-1': near(8), 'D-2': (amps) => amps <= 10 + 1e-9 && amps >= 9.85 });

    await station('D-2').clearChargingLimit('EMS', 1);
    await holding('D-2 back to 16 A', { 'D-1': near(8), 'D-2': near(16) });
    expect((await sourcesOn('D-2:1')).map((schedule) => schedule.source)).not.toContain('station:D-2:EMS:1');
  });

  it('(e) lets D-1 have its share again once the operator clears the profile', async () => {
    expect((await command('D-1', 'clear-charging-profile', { profileId: 501 })).body).toMatchObject({ status: 'accepted' });
    await holding('12 A each again', { 'D-1': near(12), 'D-2': near(12) }, SOONER_THAN_SAFETY_NET_MS);
    expect((await sourcesOn('D-1')).map((schedule) => schedule.source)).not.toContain('operator-profile:D-1:station-max:0:10:501');
  });

  it('(f) honours an operator’s TxProfile of 6 A on D-2 while its transaction runs, and forgets it when the transaction ends', async () => {
    const transactionId = station('D-2').transactionIdOn(1);
    const profile = { id: 601, stackLevel: 10, purpose: 'tx', kind: 'relative', unit: 'A', transactionId, periods: [{ startSeconds: 0, limit: 6 }] };
    expect((await command('D-2', 'set-charging-profile', { evseId: 1, profile })).body).toMatchObject({ status: 'accepted' });
    await holding('D-2 at 6 A, D-1 at 18 A', { 'D-1': near(18), 'D-2': near(6) });
    const source = 'operator-profile:D-2:tx:1:10:601';
    expect((await sourcesOn('D-2:1')).map((schedule) => schedule.source)).toContain(source);

    await station('D-2').stopTransaction(1, 'EVDisconnected');
    await eventually('the TxProfile gone with its transaction', async () => ((await sourcesOn('D-2:1')).some((schedule) => schedule.source === source) ? undefined : true), WAIT_MS, [smartCharging]);
    await holding('D-1 alone, at 24 A', { 'D-1': near(24), 'D-2': () => true });
    const audit = await smart('GET', `/api/sites/${SITE}/audit?source=${encodeURIComponent(source)}`, 'operator');
    expect((audit.body.items ?? []).map((item) => [item.action, item.actor])).toEqual([
      ['limits-deleted', 'station:D-2'],
      ['limits-replaced', 'e2e-operator'],
    ]);
  });

  it('(g) sends a station that rebooted without its profiles everything it should hold again', async () => {
    const before = heldA('D-1');
    // A reboot that loses what the station held (as after a power cut), its transaction going on.
    station('D-1').profiles.clear({});
    expect(heldA('D-1')).toBeGreaterThan(before);
    await station('D-1').reconnect();
    await station('D-1').boot('PowerUp');
    await holding(`D-1 at ${before} A again`, { 'D-1': near(before), 'D-2': () => true }, SOONER_THAN_SAFETY_NET_MS);
    const held = (await smart('GET', '/api/topology/stations/D-1/charging', 'viewer')).body.profiles as Json[];
    expect(held.map((record) => [record.purpose, record.outcome]).sort()).toEqual([
      ['station-max', 'accepted'],
      ['tx', 'accepted'],
      ['tx-default', 'accepted'],
    ]);
  });
});
