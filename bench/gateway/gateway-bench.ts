/**
 * npm run bench:gateway — one connection-service process (real Kafka and
 * PostgreSQL) under the fleet simulator: boot storm, idle capacity with RSS
 * per connection, and latency at a steady message rate, for ws:// and wss://.
 * Prints a markdown summary and writes the figures as JSON to .cache/bench/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '@app/connection';
import { loopbackAddresses, stationIdOf } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { repoRoot } from '@test/support/repo-root';
import { startKafka, startPostgres, stopKafka, stopPostgres } from '@test/support/infrastructure';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { TestPki } from '@test/support/test-pki';
import { startGateway } from './gateway-under-test';
import { type Target, bootStorm, idleCapacity, steadyLoad } from './phases';

const PASSWORD = 'bench-password-0123456789';

const { values: options } = parseArgs({
  options: {
    'boot-storm': { type: 'string', default: '10000' },
    idle: { type: 'string', default: '18000' },
    'steady-stations': { type: 'string', default: '1000' },
    'steady-rate': { type: 'string', default: '5000' },
    'steady-seconds': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1000' },
    schemes: { type: 'string', default: 'ws,wss' },
  },
});

async function provision(database: TestDatabase, prefix: string, count: number, profile: number, passwordHash: string | null): Promise<void> {
  const width = stationIdOf('', count - 1, count).length;
  await database.query(
    `INSERT INTO connection.station (id, security_profile, password_hash)
     SELECT $1 || lpad(g::text, $2, '0'), $3, $4 FROM generate_series(1, $5) AS g`,
    [prefix, width, profile, passwordHash, count],
  );
}

async function main(): Promise<void> {
  const bootCount = Number(options['boot-storm']);
  const idleCount = Number(options.idle);
  const steady = { stations: Number(options['steady-stations']), rate: Number(options['steady-rate']), seconds: Number(options['steady-seconds']) };
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
      OCPP_UNKNOWN_STATIONS: 'reject',
      OCPP_HEARTBEAT_INTERVAL_SECONDS: '86400',
      OCPP_CALL_TIMEOUT_SECONDS: '60',
    },
    httpPort,
  );
  const hash = await hashPassword(PASSWORD);
  const results: Record<string, unknown> = {};
  try {
    for (const scheme of schemes) {
      const target: Target = {
        url: scheme === 'ws' ? `ws://127.0.0.1:${wsPort}/ocpp` : `wss://127.0.0.1:${wssPort}/ocpp`,
        securityProfile: scheme === 'ws' ? 1 : 2,
        password: PASSWORD,
        ca: scheme === 'wss' ? readFileSync(pki.caFile, 'utf8') : undefined,
        sourceAddresses: loopbackAddresses(8),
      };
      await provision(database, `${scheme}-storm-`, bootCount, target.securityProfile, hash);
      await provision(database, `${scheme}-idle-`, idleCount, 0, null);
      await provision(database, `${scheme}-open-`, bootCount, 0, null);
      await provision(database, `${scheme}-steady-`, steady.stations, target.securityProfile, hash);
      log(`${scheme}: boot storm of ${bootCount}`);
      const storm = await bootStorm(target, `${scheme}-storm-`, bootCount, Number(options.concurrency));
      // The same storm without credentials separates the gateway's own cost from password hashing.
      log(`${scheme}: boot storm of ${bootCount} without credentials`);
      const openStorm = await bootStorm({ ...target, securityProfile: 0 }, `${scheme}-open-`, bootCount, Number(options.concurrency));
      log(`${scheme}: idle capacity with ${idleCount}`);
      const idle = await idleCapacity(gateway, { ...target, securityProfile: 0 }, `${scheme}-idle-`, idleCount);
      log(`${scheme}: steady load ${steady.rate}/s over ${steady.stations} stations`);
      const load = await steadyLoad(target, `${scheme}-steady-`, steady.stations, steady.rate, steady.seconds);
      results[scheme] = { storm, openStorm, idle, load };
    }
  } finally {
    await gateway.stop();
    await database.drop();
    stopKafka(kafka.runDir);
    stopPostgres(postgres.runDir);
  }
  const commit = execSync('git rev-parse --short HEAD').toString().trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = { date: new Date().toISOString(), commit, machine, options, results };
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
