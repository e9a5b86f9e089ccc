import { startE2eRun } from './e2e-run';
import { startKafka, startPostgres } from './infrastructure';

/** Jest global setup of the e2e project: real PostgreSQL and Kafka, once per run, and the run's log folder (Chromium comes with the first browser test, ADR 051). */
export default async function startInfrastructure(): Promise<void> {
  process.env.CSMS_E2E_RUN_DIR = startE2eRun();
  const postgres = await startPostgres('test-run');
  process.env.TEST_DATABASE_ADMIN_URL = postgres.adminUrl;
  if (postgres.runDir) process.env.CSMS_TEST_PG_RUN_DIR = postgres.runDir;
  const kafka = startKafka('test-run');
  process.env.KAFKA_BROKERS = kafka.brokers;
  if (kafka.runDir) process.env.CSMS_TEST_KAFKA_RUN_DIR = kafka.runDir;
}
