import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const STATION = 'RP-16';
const PARTITIONS = 2;
const HEARTBEAT_SECONDS = 1;
const EXPIRY_SECONDS = 5;

interface Replica {
  process: ServiceProcess;
  wsUrl: string;
}

/**
 * Issue 14, connection replicas as pods (ADR 042), each a real process on real Kafka and
 * PostgreSQL: a second process with an index a live replica holds is never ready and takes the
 * index over once the holder is SIGKILLed, and its first command after ready reaches a station
 * held by another replica (presence-replay.e2e-spec.ts shows the replay gate itself); a replica that
 * dies takes its stations with it after PRESENCE_EXPIRY_SECONDS (not connected in the stations
 * API, commands answered not-connected at once) until they connect elsewhere.
 */
describe('connection replicas: one live process per index, stations gone with their replica', () => {
  const prefix = uniqueTopicPrefix('replica');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  const started: ServiceProcess[] = [];
  let dir: string;
  let database: TestDatabase;
  let holderOf0: Replica;
  let holderOf1: Replica;

  async function startReplica(index: number): Promise<Replica> {
    const wsPort = await freePort();
    const process = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_COMMAND_PARTITIONS: String(PARTITIONS),
        CONNECTION_REPLICA_INDEX: String(index),
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        API_TOKENS_FILE: path.join(dir, 'api-tokens.json'),
        PRESENCE_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
        PRESENCE_EXPIRY_SECONDS: String(EXPIRY_SECONDS),
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    started.push(process);
    return { process, wsUrl: `ws://127.0.0.1:${wsPort}/ocpp` };
  }

  async function readiness(replica: Replica): Promise<{ status: number; checks: Record<string, { ok: boolean; detail?: string }> }> {
    if (replica.process.child.exitCode !== null) throw new ProbeAbort(`the replica exited with ${replica.process.child.exitCode}`);
    const response = await fetch(`${replica.process.baseUrl}/health/ready`);
    const body = (await response.json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
    return { status: response.status, checks: body.checks };
  }

  async function connectStation(url: string): Promise<SimulatedStation> {
    const station = new SimulatedStation({ id: STATION, version: '1.6', connection: { url, securityProfile: 0 }, resetBehaviour: 'acknowledge' });
    stations.push(station);
    await station.connect();
    await station.boot();
    return station;
  }

  const reset = (replica: Replica) => api.call(replica.process.baseUrl, 'POST', `/api/stations/${STATION}/commands/reset`, 'operator', { type: 'soft' });
  const liveState = async (replica: Replica): Promise<Json> => {
    const answer = await api.call(replica.process.baseUrl, 'GET', `/api/stations/${STATION}`, 'viewer');
    if (answer.status !== 200) throw new Error(`GET /api/stations/${STATION}: ${answer.status}`);
    return answer.body.live as Json;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-replica-presence-'));
    api.writeTokenFile(dir);
    database = await createTestDatabase('replica_presence');
    [holderOf0, holderOf1] = await Promise.all([startReplica(0), startReplica(1)]);
    await Promise.all([waitUntilReady(holderOf0.process, 120_000), waitUntilReady(holderOf1.process, 120_000)]);
    await connectStation(holderOf1.wsUrl);
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(stations.map((station) => station.dispose()));
    await Promise.all(started.map((process) => process.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process the index of a live replica, and lets it take over once the holder is killed', async () => {
    const second = await startReplica(0);
    const refused = await eventually(
      'the second replica 0 to find its index held',
      async () => {
        const answer = await readiness(second);
        return answer.checks.replica && !answer.checks.replica.ok && /is held/.test(answer.checks.replica.detail ?? '') ? answer : undefined;
      },
      120_000,
      [second.process],
    );
    expect(refused.status).toBe(503);
    expect(refused.checks.replica?.detail).toContain('replica index 0 is held by csms-connection replica 0');
    expect(refused.checks.commands).toEqual({ ok: false, detail: 'waiting for the replica index' });
    expect(second.process.output()).toContain('another live replica has it');
    // It stays unready while the holder lives, however often it is asked.
    for (let probe = 0; probe < 3 * HEARTBEAT_SECONDS * 5; probe++) {
      expect((await readiness(second)).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await readiness(holderOf0)).status).toBe(200);

    await holderOf0.process.stop('SIGKILL');
    await waitUntilReady(second.process, 60_000);
    // First thing after ready: the station is on replica 1, which this process knows from the presence it replayed.
    expect(await reset(second)).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect((await readiness(second)).checks.replica?.detail).toBe('replica index 0, heartbeat sent');
    holderOf0 = second;
  }, 240_000);

  it('takes a killed replica’s stations away after the expiry, answers commands to them not-connected at once, until they reconnect', async () => {
    expect(await liveState(holderOf0)).toMatchObject({ connected: true, replica: expect.any(String) });
    await holderOf1.process.stop('SIGKILL');
    const killedAt = Date.now();
    await eventually(
      `${STATION} shown not connected`,
      async () => ((await liveState(holderOf0)).connected === false ? true : undefined),
      EXPIRY_SECONDS * 1000 + 60_000,
      [holderOf0.process],
    );
    const goneAfterMs = Date.now() - killedAt;

    const askedAt = Date.now();
    const answer = await reset(holderOf0);
    const answeredInMs = Date.now() - askedAt;
    expect(answer.status).toBe(409);
    expect(JSON.stringify(answer.body)).toContain('not connected');
    // Without liveness the command would wait for its 30 s deadline on a partition nobody consumes.
    expect(answeredInMs).toBeLessThan(10_000);

    await connectStation(holderOf0.wsUrl);
    await eventually(`${STATION} connected again`, async () => ((await liveState(holderOf0)).connected === true ? true : undefined), 60_000, [holderOf0.process]);
    expect(await reset(holderOf0)).toMatchObject({ status: 200, body: { status: 'accepted' } });
    console.log(`replica presence: station shown gone ${(goneAfterMs / 1000).toFixed(1)} s after its replica was killed (expiry ${EXPIRY_SECONDS} s); not-connected answered in ${answeredInMs} ms`);
  }, 180_000);
});
