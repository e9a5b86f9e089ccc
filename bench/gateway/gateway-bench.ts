/**
 * npm run bench:gateway — one connection-service process (real Kafka and
 * PostgreSQL) under the fleet simulator: boot storm, idle capacity with RSS
 * per connection, and latency at a steady message rate, for ws:// and wss://;
 * then (ws:// only) the durable mix at several rates with the CPU and memory of
 * every process, and an overload run of unknown stations. `--phases` picks which.
 * Prints a markdown summary to stderr and writes the figures as JSON to .cache/bench/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateStationPassword, hashPassword } from '@app/connection';
import { loopbackAddresses, stationIdOf } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { repoRoot } from '@test/support/repo-root';
import { startKafka, startPostgres, stopKafka, stopPostgres } from '@test/support/infrastructure';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { TestPki } from '@test/support/test-pki';
import { startGateway } from './gateway-under-test';
import { durableMixPhase } from './durable-phase';
import { overloadPhase, overloadRateFrom } from './overload-phase';
import { type Target, bootStorm, idleCapacity, steadyLoad } from './phases';
import { databaseSettled, processesUnderTest } from './processes-under-test';
import { durableSummary, overloadSummary } from './summary';
import { LOAD_GENERATOR_ENV } from '../load-generator-env';

/** An operator-chosen password (`--passwords chosen`): stored as scrypt (ADR 032). */
const CHOSEN_PASSWORD = 'bench-password-0123456789';

const { values: options } = parseArgs({
  options: {
    'boot-storm': { type: 'string', default: '10000' },
    idle: { type: 'string', default: '18000' },
    'steady-stations': { type: 'string', default: '1000' },
    'steady-rate': { type: 'string', default: '5000' },
    'steady-seconds': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1000' },
    schemes: { type: 'string', default: 'ws,wss' },
    /** generated: a CSMS-generated password (HMAC-SHA256 hash, ADR 032); chosen: an operator's (scrypt). */
    passwords: { type: 'string', default: 'generated' },
    phases: { type: 'string', default: 'storm,idle,steady,durable,overload' },
    'durable-stations': { type: 'string', default: '10000' },
    'durable-rates': { type: 'string', default: '2000,5000,8000' },
    'durable-seconds': { type: 'string', default: '30' },
    'durable-warmup': { type: 'string', default: '10' },
    'durable-profile': { type: 'string', default: '0' },
    'overload-stations': { type: 'string', default: '10000' },
    // Default: twice the highest rate the durable phase sustained (p99 < 100 ms), else this.
    'overload-rate': { type: 'string' },
    'overload-seconds': { type: 'string', default: '30' },
    'overload-ramp': { type: 'string', default: '20' },
    /** Writes a V8 CPU profile of the connection process to .cache/bench/profiles when it stops. */
    profile: { type: 'boolean', default: false },
  },
});

const PHASES = ['storm', 'idle', 'steady', 'durable', 'overload'] as const;
type Phase = (typeof PHASES)[number];

function phasesOf(text: string): Set<Phase> {
  const named = text.split(',').map((each) => each.trim());
  const unknown = named.filter((each) => !(PHASES as readonly string[]).includes(each));
  if (unknown.length > 0) throw new Error(`unknown phase(s) ${unknown.join(', ')}; choose among ${PHASES.join(', ')}`);
  return new Set(named as Phase[]);
}

function numbers(text: string): number[] {
  return text.split(',').map((each) => {
    const value = Number(each);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`expected positive numbers, got ${text}`);
    return value;
  });
}

async function provision(database: TestDatabase, prefix: string, count: number, profile: number, passwordHash: string | null): Promise<void> {
  const width = stationIdOf('', count - 1, count).length;
  await database.query(
    `INSERT INTO connection.station (id, security_profile, password_hash)
     SELECT $1 || lpad(g::text, $2, '0'), $3, $4 FROM generate_series(1, $5) AS g`,
    [prefix, width, profile, passwordHash, count],
  );
}

interface Gateway {
  database: TestDatabase;
  gateway: Awaited<ReturnType<typeof startGateway>>;
  wsPort: number;
  wssPort: number;
  caFile: string;
  password: string;
  passwordHash: string;
}

/** Boot storms, idle capacity and Heartbeat-only steady load over one scheme (ws: profile 1, wss: profile 2). */
async function schemePhases(phases: Set<Phase>, scheme: 'ws' | 'wss', { database, gateway, wsPort, wssPort, caFile, password, passwordHash }: Gateway): Promise<Record<string, unknown>> {
  const bootCount = Number(options['boot-storm']);
  const idleCount = Number(options.idle);
  const steady = { stations: Number(options['steady-stations']), rate: Number(options['steady-rate']), seconds: Number(options['steady-seconds']) };
  const target: Target = {
    url: scheme === 'ws' ? `ws://127.0.0.1:${wsPort}/ocpp` : `wss://127.0.0.1:${wssPort}/ocpp`,
    securityProfile: scheme === 'ws' ? 1 : 2,
    password,
    ca: scheme === 'wss' ? readFileSync(caFile, 'utf8') : undefined,
    sourceAddresses: loopbackAddresses(8),
  };
  const results: Record<string, unknown> = {};
  if (phases.has('storm')) {
    await provision(database, `${scheme}-storm-`, bootCount, target.securityProfile, passwordHash);
    await provision(database, `${scheme}-open-`, bootCount, 0, null);
    log(`${scheme}: boot storm of ${bootCount}`);
    results.storm = await bootStorm(target, `${scheme}-storm-`, bootCount, Number(options.concurrency));
    // The same storm without credentials separates the gateway's own cost from password hashing.
    log(`${scheme}: boot storm of ${bootCount} without credentials`);
    results.openStorm = await bootStorm({ ...target, securityProfile: 0 }, `${scheme}-open-`, bootCount, Number(options.concurrency));
  }
  if (phases.has('idle')) {
    await provision(database, `${scheme}-idle-`, idleCount, 0, null);
    log(`${scheme}: idle capacity with ${idleCount}`);
    results.idle = await idleCapacity(gateway, { ...target, securityProfile: 0 }, `${scheme}-idle-`, idleCount);
  }
  if (phases.has('steady')) {
    await provision(database, `${scheme}-steady-`, steady.stations, target.securityProfile, passwordHash);
    log(`${scheme}: steady load ${steady.rate}/s over ${steady.stations} stations`);
    results.load = await steadyLoad(target, `${scheme}-steady-`, steady.stations, steady.rate, steady.seconds);
  }
  return results;
}

/** The durable mix at each rate, then the overload run, over ws://; a markdown summary of each to stderr. */
async function durablePhases(phases: Set<Phase>, setup: Gateway, kafkaRunDir: string | undefined): Promise<Record<string, unknown>> {
  const { database, gateway, wsPort, password, passwordHash } = setup;
  const watched = await processesUnderTest({ gatewayPid: gateway.pid, database, kafkaRunDir });
  const profile = Number(options['durable-profile']) === 1 ? 1 : 0;
  const target: Target = { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: profile, password, sourceAddresses: loopbackAddresses(8) };
  const results: Record<string, unknown> = {};
  let overloadRate = options['overload-rate'] === undefined ? undefined : Number(options['overload-rate']);
  if (phases.has('durable')) {
    const stations = Number(options['durable-stations']);
    await provision(database, 'durable-', stations, profile, profile === 1 ? passwordHash : null);
    const rates = numbers(String(options['durable-rates']));
    const timing = { seconds: Number(options['durable-seconds']), warmupSeconds: Number(options['durable-warmup']), firstSeconds: 10, settle: () => databaseSettled(database) };
    const durable = await durableMixPhase(target, 'durable-', { stations, rates, ...timing }, watched, gateway.httpUrl, log);
    process.stderr.write(`\n${durableSummary(durable)}\n`);
    overloadRate ??= overloadRateFrom(durable.windows);
    results.durable = durable;
  }
  if (phases.has('overload')) {
    if (phases.has('durable')) log(`overload: the gateway's database settled after ${await databaseSettled(database)} s`);
    const rate = overloadRate ?? 2 * Math.min(...numbers(String(options['durable-rates'])));
    log(`overload: ${rate} msg/s (${options['overload-rate'] === undefined ? 'twice the capacity the durable phase found' : 'as given'})`);
    const overload = await overloadPhase(
      { ...target, securityProfile: 0 },
      'unknown-',
      { stations: Number(options['overload-stations']), perSecond: rate, rampSeconds: Number(options['overload-ramp']), seconds: Number(options['overload-seconds']) },
      watched,
      gateway.httpUrl,
      log,
    );
    process.stderr.write(`\n${overloadSummary(overload)}\n`);
    results.overload = overload;
  }
  return results;
}

async function main(): Promise<void> {
  const phases = phasesOf(String(options.phases));
  const schemes = String(options.schemes).split(',') as ('ws' | 'wss')[];

  const postgres = await startPostgres('bench-run');
  process.env.TEST_DATABASE_ADMIN_URL = postgres.adminUrl;
  const kafka = startKafka('bench-run');
  const database = await createTestDatabase('bench_gateway');
  const pki = await TestPki.create();
  const server = await pki.issueServer('ecdsa');
  const [httpPort, wsPort, wssPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const gateway = await startGateway(
    {
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC_PREFIX: `bench-${Date.now()}.`,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '20',
      LOG_LEVEL: 'warn',
      OCPP_WS_PORT: String(wsPort),
      OCPP_WSS_PORT: String(wssPort),
      OCPP_TLS_CERT_FILES: server.certFile,
      OCPP_TLS_KEY_FILES: server.keyFile,
      // The overload run is of stations registered on first contact, as the issue's was; the other phases pre-register theirs.
      OCPP_UNKNOWN_STATIONS: phases.has('overload') ? 'accept' : 'reject',
      // The durable mix starts sessions with tokens nobody registered.
      OCPP_UNKNOWN_ID_TOKENS: 'accept',
      OCPP_HEARTBEAT_INTERVAL_SECONDS: '86400',
      OCPP_CALL_TIMEOUT_SECONDS: '60',
      ...LOAD_GENERATOR_ENV,
    },
    httpPort,
    options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot(), '.cache/bench/profiles')}`] : [],
  );
  const credential = options.passwords === 'chosen' ? { password: CHOSEN_PASSWORD, passwordHash: await hashPassword(CHOSEN_PASSWORD) } : generateStationPassword();
  const setup: Gateway = { database, gateway, wsPort, wssPort, caFile: pki.caFile, ...credential };
  const results: Record<string, unknown> = {};
  try {
    if (phases.has('storm') || phases.has('idle') || phases.has('steady')) {
      for (const scheme of schemes) results[scheme] = await schemePhases(phases, scheme, setup);
    }
    if (phases.has('durable') || phases.has('overload')) Object.assign(results, await durablePhases(phases, setup, kafka.runDir));
  } finally {
    await gateway.stop();
    await database.drop();
    stopKafka(kafka.runDir);
    stopPostgres(postgres.runDir);
  }
  // A figure from a tree with uncommitted changes must not pass for the commit's.
  const dirty = execSync('git status --porcelain --untracked-files=no').toString().trim() !== '';
  const commit = `${execSync('git rev-parse --short HEAD').toString().trim()}${dirty ? '-dirty' : ''}`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = { date: new Date().toISOString(), commit, machine, load: loadavg(), options, results };
  const dir = path.join(repoRoot(), '.cache/bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `gateway-${commit}-${Date.now()}.json`), JSON.stringify(report, null, 2));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

function log(message: string): void {
  process.stderr.write(`[bench:gateway] ${new Date().toISOString()} ${message}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:gateway failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
