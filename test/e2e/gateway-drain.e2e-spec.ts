import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvelopeConsumer, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { reconnectBoundMs } from '@app/simulator';
import { PresenceDirectory } from '@app/station-commands';
import { expectNothingLostOrDoubled, takeDurabilityCensus } from '@test/support/durability-census';
import { LoadFleet } from '@test/support/fault-load';
import { faultSummary } from '@test/support/fault-report';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { OperatorApiClient } from '@test/support/operator-api-client';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { TcpBalancer } from '@test/support/tcp-balancer';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const REPLICAS = 3;
const VICTIM = 2;
const STATIONS = 36;
const PREFIX = 'DRAIN-';
const PACE_MS = 500;
/** The replicas' SHUTDOWN_TIMEOUT_MS, and the grace a pod would get (terminationGracePeriodSeconds): the drain must end before both. */
const SHUTDOWN_TIMEOUT_MS = 20_000;
const GRACE_MS = 25_000;
/** Three reconnect attempts (0.5-1 s, 1-2 s, 2-4 s), after the station noticed the close within one pace of its load. */
const RECONNECT_BOUND_MS = reconnectBoundMs(2) + PACE_MS * 1.25;
const logger = pino({ level: 'silent' });

/** An upgrade without a subprotocol: refused 400 by a serving replica, 503 + Retry-After by a draining one (before any lookup). */
function upgradeRefusal(port: number): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/ocpp/DRAIN-PROBE', headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    req.on('response', (response) => {
      response.resume();
      const retryAfter = response.headers['retry-after'];
      resolve({ status: response.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
    });
    req.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve({ status: 101, retryAfter: undefined });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Issue 14, graceful drain: three connection replicas behind a balancer that follows their
 * readiness (as a Service does), stations running sessions over all three. SIGTERM to one: it goes
 * unready at once, refuses new upgrades with 503 + Retry-After, closes its stations in paced
 * batches with 1001 once their calls are answered, and exits 0 within the grace. Its stations are
 * back on the other two within their reconnect back-off; commands reach them there, each once;
 * nothing answered is lost or doubled, and nothing is stored that its station was not answered.
 */
describe('gateway drain: SIGTERM to one of three replicas under load', () => {
  const topicPrefix = uniqueTopicPrefix('drain');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let replicas: ServiceProcess[];
  let balancer: TcpBalancer;
  let bus: MessageBus;
  let presence: PresenceDirectory;
  let fleet: LoadFleet;
  const ready: boolean[] = Array.from({ length: REPLICAS }, () => false);
  let readinessPoll: NodeJS.Timeout | undefined;
  let wsPorts: number[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-drain-'));
    const tokensFile = api.writeTokenFile(dir);
    database = await createTestDatabase('gateway_drain');
    wsPorts = await Promise.all(Array.from({ length: REPLICAS }, () => freePort()));
    replicas = await Promise.all(
      wsPorts.map(async (wsPort, index) =>
        startService(
          'connection',
          {
            KAFKA_BROKERS: testBrokers(),
            KAFKA_TOPIC_PREFIX: topicPrefix,
            KAFKA_COMMAND_PARTITIONS: String(REPLICAS),
            CONNECTION_REPLICA_INDEX: String(index),
            DATABASE_URL: database.url,
            API_TOKENS_FILE: tokensFile,
            OCPP_WS_PORT: String(wsPort),
            OCPP_UNKNOWN_STATIONS: 'accept',
            OCPP_UNKNOWN_ID_TOKENS: 'accept',
            SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
            // About 12 stations: 4 batches of 3, 750 ms apart.
            OCPP_DRAIN_SECONDS: '3',
            OCPP_DRAIN_BATCH_SIZE: '3',
            OCPP_DRAIN_BATCH_INTERVAL_MS: '750',
            LOG_LEVEL: 'info',
          },
          await freePort(),
        ),
      ),
    );
    await Promise.all(replicas.map((replica) => waitUntilReady(replica, 90_000)));
    // The balancer routes to ready replicas only, as a Service does once the endpoint's readiness is seen.
    const pollReadiness = () =>
      replicas.forEach((replica, index) =>
        fetch(`${replica.baseUrl}/health/ready`).then(
          (response) => (ready[index] = response.status === 200),
          () => (ready[index] = false),
        ),
      );
    pollReadiness();
    readinessPoll = setInterval(pollReadiness, 250);

    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-drain', topicPrefix, partitions: 6, commandPartitions: REPLICAS, replicationFactor: 1, retentionMs: 3_600_000 },
      logger,
    );
    await bus.start();
    presence = new PresenceDirectory();
    await new EnvelopeConsumer(bus, logger, new MetricsRegistry()).subscribe({ topic: Topics.presence, groupId: 'e2e.presence', handle: async (record) => presence.apply(record) });

    balancer = new TcpBalancer(
      wsPorts.map((port) => ({ host: '127.0.0.1', port })),
      (index) => ready[index] === true,
    );
    const balancerPort = await balancer.start();
    fleet = new LoadFleet({ prefix: PREFIX, count: STATIONS, url: `ws://127.0.0.1:${balancerPort}/ocpp`, paceMs: PACE_MS, meterValuesPerSession: 5, callTimeoutMs: 8000, reconnect: 'backoff' });
  }, 180_000);

  afterAll(async () => {
    clearInterval(readinessPoll);
    await fleet?.dispose();
    await balancer?.stop();
    await bus?.stop();
    await Promise.all((replicas ?? []).map((replica) => replica.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const stationIds = () => fleet.stations.map((station) => station.id);

  it('hands the draining replica’s stations over within their back-off, answers everything it stored, and exits 0 within the grace', async () => {
    const [serving, , victim] = replicas;
    if (!serving || !victim) throw new Error('three replicas expected');
    const survivors = replicas.filter((replica) => replica !== victim);
    const until = (what: string, holds: () => boolean | Promise<boolean>, timeoutMs: number) =>
      eventually(
        what,
        async () => {
          if (fleet.failure !== undefined) throw new ProbeAbort(`a station failed: ${String(fleet.failure)}`);
          const died = survivors.find((replica) => replica.child.exitCode !== null);
          if (died) throw new ProbeAbort(`a surviving replica exited with ${died.child.exitCode}`);
          return (await holds()) ? true : undefined;
        },
        timeoutMs,
        replicas,
      );
    await fleet.start();
    const warm = fleet.snapshot();
    await until('every station sending under load', () => fleet.servedSince(warm), 90_000);
    await until('all three replicas holding stations', () => new Set(stationIds().map((id) => presence.locate(id)?.commandPartition)).size === REPLICAS, 60_000);
    const victimWsPort = wsPorts[VICTIM] as number;
    expect(await upgradeRefusal(victimWsPort)).toMatchObject({ status: 400 });
    const onVictim = new Set(stationIds().filter((id) => presence.locate(id)?.commandPartition === VICTIM));

    // Each moved station: when the drain closed it (and with what code), and when it was connected again.
    const closedAt = new Map<string, { at: number; code: number }>();
    const backAt = new Map<string, number>();
    let draining = true;
    for (const station of fleet.stations) {
      station.events.on('disconnected', ({ code }) => {
        if (draining && onVictim.has(station.id) && !closedAt.has(station.id)) closedAt.set(station.id, { at: Date.now(), code });
      });
      station.events.on('connected', () => {
        if (closedAt.has(station.id) && !backAt.has(station.id)) backAt.set(station.id, Date.now());
      });
    }

    const signalledAt = Date.now();
    victim.child.kill('SIGTERM');
    // Both looked for from the signal on: the drain of about 12 stations takes at least its 2.25 s of pacing.
    const [unreadyAfterMs, refusal, drainMetrics] = await Promise.all([
      until('the draining replica unready', async () => (await fetch(`${victim.baseUrl}/health/ready`)).status === 503, 10_000).then(() => Date.now() - signalledAt),
      eventually(
        'a new upgrade refused with 503 by the draining replica',
        async () => {
          const answer = await upgradeRefusal(victimWsPort);
          return answer.status === 503 ? answer : undefined;
        },
        10_000,
        [victim],
      ),
      eventually(
        'the drain in the draining replica’s metrics',
        async () => {
          const text = await (await fetch(`${victim.baseUrl}/metrics`)).text();
          return /^csms_gateway_drain_active 1$/m.test(text) ? text : undefined;
        },
        10_000,
        [victim],
      ),
    ]);
    const exitCode = await victim.exited;
    const exitedAfterMs = Date.now() - signalledAt;
    draining = false;

    const afterDrain = fleet.snapshot();
    await until(
      'every station connected to a surviving replica and answered again',
      () => fleet.servedSince(afterDrain) && stationIds().every((id) => presence.locate(id)?.connected && presence.locate(id)?.commandPartition !== VICTIM),
      120_000,
    );
    const reconnectMs = [...onVictim].map((id) => (backAt.get(id) ?? Infinity) - (closedAt.get(id)?.at ?? 0)).sort((a, b) => a - b);

    // Commands to the moved stations, through the REST API of a surviving replica: each reaches its station once.
    const triggers = new Map([...onVictim].map((id) => [id, 0]));
    for (const station of fleet.stations) {
      station.events.on('callReceived', ({ action }) => {
        if (action === 'TriggerMessage' && triggers.has(station.id)) triggers.set(station.id, (triggers.get(station.id) ?? 0) + 1);
      });
    }
    const answers = await Promise.all([...onVictim].map((id) => api.call(serving.baseUrl, 'POST', `/api/stations/${id}/commands/trigger-message`, 'operator', { message: 'Heartbeat' })));
    await fleet.stop();

    const census = await takeDurabilityCensus(fleet.receipts.values(), database, `${topicPrefix}ocpp.events`, PREFIX);
    const drained = victim.output().split('\n').find((line) => line.includes('drained: every station connection closed')) ?? '';
    console.info(
      faultSummary(
        'gateway-drain',
        { sent: fleet.sent(), answered: census.answered, stored: census.answered - census.lost, duplicates: census.duplicates, reconnects: fleet.reconnects, recoveredMs: reconnectMs.at(-1) ?? 0 },
        `${STATIONS} stations, ${onVictim.size} on the drained replica; unready after ${unreadyAfterMs} ms, exited ${String(exitCode)} after ${exitedAfterMs} ms (grace ${GRACE_MS} ms); ` +
          `reconnect ms min/median/max ${reconnectMs[0]}/${reconnectMs[Math.floor(reconnectMs.length / 2)]}/${reconnectMs.at(-1)} (bound ${RECONNECT_BOUND_MS}); ` +
          `stored without an answer: ${census.unanswered}; calls failed: ${fleet.outageSummary()}; drain log: ${drained}`,
      ),
    );

    expect(refusal).toEqual({ status: 503, retryAfter: '1' });
    expect(drainMetrics).toMatch(/^csms_gateway_drain_stations_closed_total\{outcome="idle"\} \d+$/m);
    expect(drainMetrics).toMatch(/^csms_gateway_drain_duration_seconds \d/m);
    expect(exitCode).toBe(0);
    expect(exitedAfterMs).toBeLessThan(GRACE_MS);
    expect(drained).toContain(`"stations":${onVictim.size}`);
    expect(drained).toContain('"busy":0');
    // Every station of the drained replica was closed with 1001 Going Away (not dropped) and came back within its back-off.
    expect([...onVictim].filter((id) => closedAt.get(id)?.code !== 1001)).toEqual([]);
    expect(reconnectMs.filter((ms) => ms > RECONNECT_BOUND_MS)).toEqual([]);
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    expect([...triggers.values()].filter((count) => count !== 1)).toEqual([]);

    expectNothingLostOrDoubled(census);
    // What a kill leaves behind and a drain must not: a message stored whose answer never reached its station.
    expect(census.unanswered).toBe(0);
  }, 300_000);
});
