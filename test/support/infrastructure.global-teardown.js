// Stops what infrastructure.global-setup.js started (never a server the caller named).
const { stopKafka, stopPostgres } = require('../../tools/infrastructure/infrastructure');

module.exports = async function stopInfrastructure() {
  stopKafka(process.env.CSMS_TEST_KAFKA_RUN_DIR);
  stopPostgres(process.env.CSMS_TEST_PG_RUN_DIR);
};
