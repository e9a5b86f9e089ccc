// Starts the real PostgreSQL and Kafka the e2e suites need, once per run (tools/infrastructure).
const { startKafka, startPostgres } = require('../../tools/infrastructure/infrastructure');

module.exports = async function startInfrastructure() {
  const postgres = await startPostgres('test-run');
  process.env.TEST_DATABASE_ADMIN_URL = postgres.adminUrl;
  if (postgres.runDir) process.env.CSMS_TEST_PG_RUN_DIR = postgres.runDir;
  const kafka = startKafka('test-run');
  process.env.KAFKA_BROKERS = kafka.brokers;
  if (kafka.runDir) process.env.CSMS_TEST_KAFKA_RUN_DIR = kafka.runDir;
};
