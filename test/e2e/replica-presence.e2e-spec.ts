import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope } from '@app/contracts';
import { EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const STATION = 'RP-16';
const PARTITIONS = 3;
const HEARTBEAT_SECONDS = 1;
const EXPIRY_SECONDS = 5;
/** Presence records of stations long gone, so that replaying the topic takes a while. */
const FILLER_RECORDS = 5000;

interface Replica {
  process: ServiceProcess;
  wsUrl: string;
}

/**
 * Issue 14, connection replicas as pods (ADR 042), each a real process on real Kafka and
 * PostgreSQL: a second process with an index a live replica holds is never ready and takes the
 * index over once the holder is SIGKILLed; a fresh replica is ready only once it has replayed
 * ocpp.presence, so a command to a station held elsewhere goes through at once; a replica that
 * dies takes its stations with it after PRESENCE_EXPIRY_SECONDS (not connected in the stations
 * API, commands answered not-connected at once) until they connect elsewhere.
 */
describe('connection replicas: one per index, ready after presence, stations gone with their replica', () => {
  const prefix = uniqueTopicPrefix('replica');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  const started: ServiceProcess[] = [];
  let dir: string;
  let database: TestDatabase;
  let bus: MessageBus;
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
    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-replica', topicPrefix: prefix, partitions: 6, commandPartitions: PARTITIONS, replicationFactor: 1, retentionMs: 3_600_000 },
      pino({ level: 'silent' }),
    );
    await bus.start();
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(stations.map((station) => station.dispose()));
    await bus?.stop();
    await Promise.all(started.map((process) => process.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // presence-replay.e2e-spec.ts holds the replay back to show the gate itself; here, the whole process.
  it('reaches a station held by another replica with the first command after it is ready, presence full of other stations', async () => {
    const publisher = new EnvelopePublisher(bus);
    await Promise.all(
      Array.from({ length: FILLER_RECORDS }, (_, n) =>
        publisher.publish(
          Topics.presence,
          createEnvelope('stationPresence', {
            eventId: `filler-${n}`,
            stationId: `GONE-${n}`,
            body: { case: 'state', value: { epoch: 1n, connected: false, commandPartition: 0, replicaId: 'gone' } },
          }),
        ),
      ),
    );
    const fresh = await startReplica(2);
    let seenReplaying = false;
    const ready = await eventually(
      'the fresh replica ready',
      async () => {
        const answer = await readiness(fresh);
        if (answer.status === 200) return answer;
        seenReplaying ||= answer.checks['presence:connection']?.ok === false;
        return undefined;
      },
      120_000,
      [fresh.process],
    );
    // The first command after ready goes through: the station's presence (replica 1) was known by then.
    const sent = await reset(fresh);
    expect(sent).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(ready.checks['presence:connection']).toEqual({ ok: true, detail: 'replayed' });
    console.log(`replica presence: a fresh replica was ${seenReplaying ? 'seen' : 'not seen'} unready while replaying ${FILLER_RECORDS}+ presence records`);
  }, 180_000);

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
    expect((await readiness(second)).checks.replica?.detail).toBe('replica index 0, heartbeat sent');
    expect(await reset(second)).toMatchObject({ status: 200, body: { status: 'accepted' } });
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
