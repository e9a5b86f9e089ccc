// Stops the broker that kafka.global-setup.js started (not one named by the caller).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function stopKafkaAfterTests() {
  const runDir = process.env.CSMS_TEST_KAFKA_RUN_DIR;
  if (!runDir) return;
  const script = path.resolve(__dirname, '../../tools/kafka/kafka-broker.sh');
  execFileSync('bash', [script, 'stop'], { env: { ...process.env, KAFKA_RUN_DIR: runDir }, stdio: 'inherit' });
};
