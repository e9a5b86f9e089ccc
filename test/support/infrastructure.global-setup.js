// Starts the real infrastructure the e2e suites need, once per run:
// - PostgreSQL: the server on 127.0.0.1:5432 when one answers (or TEST_DATABASE_ADMIN_URL),
//   otherwise a throwaway server from Maven Central binaries (tools/postgres);
// - Kafka: the repo's single-node broker (tools/kafka), unless KAFKA_BROKERS names one.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

const repoRoot = path.resolve(__dirname, '../..');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

function runScript(script, command, env) {
  return execFileSync('bash', [path.join(repoRoot, script), command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  }).toString();
}

function lineValue(output, name) {
  const value = new RegExp(`^${name}=(.+)$`, 'm').exec(output)?.[1];
  if (!value) throw new Error(`expected a ${name}=… line, got:\n${output}`);
  return value;
}

async function answers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startPostgres() {
  if (process.env.TEST_DATABASE_ADMIN_URL) return;
  if (await answers(LOCAL_POSTGRES)) {
    process.env.TEST_DATABASE_ADMIN_URL = LOCAL_POSTGRES;
    return;
  }
  const env = { PG_RUN_DIR: path.join(repoRoot, '.cache/postgres/test-run') };
  process.env.TEST_DATABASE_ADMIN_URL = lineValue(runScript('tools/postgres/postgres-server.sh', 'start', env), 'DATABASE_ADMIN_URL');
  process.env.CSMS_TEST_PG_RUN_DIR = env.PG_RUN_DIR;
}

function startKafka() {
  if (process.env.KAFKA_BROKERS) return;
  const env = { KAFKA_RUN_DIR: path.join(repoRoot, '.cache/kafka/test-run') };
  // A fresh log dir per run: every test file uses its own topic prefix, but old data only costs disk.
  runScript('tools/kafka/kafka-broker.sh', 'reset', env);
  process.env.KAFKA_BROKERS = lineValue(runScript('tools/kafka/kafka-broker.sh', 'start', env), 'KAFKA_BROKERS');
  process.env.CSMS_TEST_KAFKA_RUN_DIR = env.KAFKA_RUN_DIR;
}

module.exports = async function startInfrastructure() {
  await startPostgres();
  startKafka();
};
