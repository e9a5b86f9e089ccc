import { stopKafka, stopPostgres } from './infrastructure';

/** Stops what the global setup started (never a server the caller named). */
export default async function stopInfrastructure(): Promise<void> {
  stopKafka(process.env.CSMS_TEST_KAFKA_RUN_DIR);
  stopPostgres(process.env.CSMS_TEST_PG_RUN_DIR);
}
