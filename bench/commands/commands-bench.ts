/**
 * npm run bench:commands — commands/s and latency from a backend's command
 * client through Kafka to simulated stations and back, with 1 and 3 connection
 * replicas (real Kafka and PostgreSQL). Closed loop: `--in-flight` commands
 * outstanding at any time for `--seconds`. Writes JSON to .cache/bench/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EnvelopeConsumer, EnvelopePublisher, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import { Fleet, LatencyHistogram, loopbackAddresses, stationIdOf } from '@app/simulator';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { freePort } from '@test/support/free-port';
import { startKafka, startPostgres, stopKafka, stopPostgres } from '@test/support/infrastructure';
import { repoRoot } from '@test/support/repo-root';
import { createTestDatabase } from '@test/support/test-database';
import pino from 'pino';
import { type GatewayUnderTest, startGateway } from '../gateway/gateway-under-test';
import { LOAD_GENERATOR_ENV } from '../load-generator-env';

const { values: options } = parseArgs({
  options: {
    stations: { type: 'string', default: '600' },
    'in-flight': { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    replicas: { type: 'string', default: '1,3' },
  },
});

interface RunResult {
  replicas: number;
  stations: number;
  inFlight: number;
  seconds: number;
  commandsPerSecond: number;
  latency: ReturnType<LatencyHistogram['summary']>;
  outcomes: Record<string, number>;
}

async function run(replicaCount: number, brokers: string, stations: number, inFlight: number, seconds: number): Promise<RunResult> {
  const prefix = `benchcmd-${replicaCount}-${Date.now()}.`;
  const database = await createTestDatabase(`bench_commands_${replicaCount}`);
  const gateways: { gateway: GatewayUnderTest; wsPort: number }[] = [];
  for (let index = 0; index < replicaCount; index++) {
    const wsPort = await freePort();
    const gateway = await startGateway(
      {
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_COMMAND_PARTITIONS: String(Math.max(replicaCount, 3)),
        CONNECTION_REPLICA_INDEX: String(index),
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        OCPP_HEARTBEAT_INTERVAL_SECONDS: '86400',
        ...LOAD_GENERATOR_ENV,
      },
      await freePort(),
    );
    gateways.push({ gateway, wsPort });
  }
  const logger = pino({ level: 'silent' });
  const bus = createMessageBus(
    { kind: 'kafka', brokers: brokers.split(','), clientId: 'bench-commands', topicPrefix: prefix, partitions: 6, commandPartitions: Math.max(replicaCount, 3), replicationFactor: 1, retentionMs: 3_600_000 },
    logger,
  );
  await bus.start();
  const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
  const presence = new PresenceDirectory();
  const client = new StationCommandClient('bench', presence, new EnvelopePublisher(bus));
  await consumer.subscribe({ topic: Topics.presence, groupId: `bench.presence`, handle: async (record) => presence.apply(record) });
  await consumer.subscribe({ topic: Topics.results, groupId: `bench.results`, from: 'now', handle: async (result) => client.receive(result) });

  const perReplica = Math.ceil(stations / replicaCount);
  const fleets = gateways.map(
    ({ wsPort }, index) =>
      new Fleet({
        url: `ws://127.0.0.1:${wsPort}/ocpp`,
        count: perReplica,
        version: 'mixed',
        securityProfile: 0,
        prefix: `R${index}-`,
        scenario: 'idle',
        meterIntervalS: 3600,
        durationS: 3600,
        concurrency: 200,
        sourceAddresses: loopbackAddresses(2),
        shutdownGraceMs: 2000,
      }),
  );
  const fleetRuns = fleets.map((fleet) => fleet.run());
  const ids = gateways.flatMap((_, replica) => Array.from({ length: perReplica }, (_, index) => stationIdOf(`R${replica}-`, index, perReplica)));
  const deadline = Date.now() + 120_000;
  while (!ids.every((id) => presence.locate(id)?.connected)) {
    if (Date.now() > deadline) throw new Error('stations did not all connect within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const histogram = new LatencyHistogram();
  const outcomes: Record<string, number> = {};
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (Date.now() < end) {
        const stationId = ids[next++ % ids.length] ?? '';
        const sent = performance.now();
        const outcome = await client.send(stationId, { case: 'triggerMessage', value: { message: 'Heartbeat' } }, { timeoutMs: 30_000 });
        histogram.record(performance.now() - sent);
        outcomes[outcome.status] = (outcomes[outcome.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  fleets.forEach((fleet) => fleet.stop());
  await Promise.all(fleetRuns);
  await bus.stop();
  await Promise.all(gateways.map(({ gateway }) => gateway.stop()));
  await database.drop();
  const latency = histogram.summary();
  return { replicas: replicaCount, stations: ids.length, inFlight, seconds: elapsed, commandsPerSecond: Math.round(latency.count / elapsed), latency, outcomes };
}

async function main(): Promise<void> {
  const postgres = await startPostgres('bench-run');
  process.env.TEST_DATABASE_ADMIN_URL = postgres.adminUrl;
  const kafka = startKafka('bench-run');
  const results: RunResult[] = [];
  try {
    for (const replicas of String(options.replicas).split(',').map(Number)) {
      process.stderr.write(`[bench:commands] ${replicas} replica(s)\n`);
      results.push(await run(replicas, kafka.brokers, Number(options.stations), Number(options['in-flight']), Number(options.seconds)));
    }
  } finally {
    stopKafka(kafka.runDir);
    stopPostgres(postgres.runDir);
  }
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = { date: new Date().toISOString(), commit, machine, options, results };
  const dir = path.join(repoRoot(), '.cache/bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `commands-${commit}-${Date.now()}.json`), JSON.stringify(report, null, 2));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:commands failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
