// Starts the repo's real Kafka broker once for the e2e run, unless KAFKA_BROKERS names one.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const script = path.join(repoRoot, 'tools/kafka/kafka-broker.sh');
const runDir = path.join(repoRoot, '.cache/kafka/test-run');

module.exports = async function startKafkaForTests() {
  if (process.env.KAFKA_BROKERS) return;
  const env = { ...process.env, KAFKA_RUN_DIR: runDir };
  // A fresh log dir per run: every test file uses its own topic prefix, but old data only costs disk.
  execFileSync('bash', [script, 'reset'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const output = execFileSync('bash', [script, 'start'], { env, stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 }).toString();
  const brokers = /^KAFKA_BROKERS=(.+)$/m.exec(output)?.[1];
  if (!brokers) throw new Error(`the Kafka script printed no KAFKA_BROKERS line:\n${output}`);
  process.env.KAFKA_BROKERS = brokers;
  process.env.CSMS_TEST_KAFKA_RUN_DIR = runDir;
};
