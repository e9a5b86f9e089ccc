// Stops what infrastructure.global-setup.js started (never a server the caller named).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

function stop(script, runDirVariable, runDir) {
  if (!runDir) return;
  execFileSync('bash', [path.resolve(__dirname, '../..', script), 'stop'], { env: { ...process.env, [runDirVariable]: runDir }, stdio: 'inherit' });
}

module.exports = async function stopInfrastructure() {
  stop('tools/kafka/kafka-broker.sh', 'KAFKA_RUN_DIR', process.env.CSMS_TEST_KAFKA_RUN_DIR);
  stop('tools/postgres/postgres-server.sh', 'PG_RUN_DIR', process.env.CSMS_TEST_PG_RUN_DIR);
};
