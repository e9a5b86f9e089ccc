import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { startKafka, startPostgres, stopKafka, stopPostgres } from '@test/support/infrastructure';
import { OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { DISPATCH_SITE_ID } from './dispatch-site';
import { LOAD_GENERATOR_ENV } from '../load-generator-env';

export type BenchApi = OperatorApiClient<'dso'>;

/** What the dispatch phase runs against: Kafka, PostgreSQL and both services as their own processes. */
export interface DispatchServices {
  api: BenchApi;
  wsUrl: string;
  connection: ServiceProcess;
  smartCharging: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Starts the repo's Kafka broker, PostgreSQL (the local server, or tools/postgres), a fresh
 * database, and the connection and smart-charging services from dist/ (LOG_LEVEL=warn), with a
 * token file holding an operator and a grid-operator granted the benchmark site.
 */
export async function startDispatchServices(): Promise<DispatchServices> {
  const postgres = await startPostgres('bench-run');
  process.env.TEST_DATABASE_ADMIN_URL = postgres.adminUrl;
  const kafka = startKafka('bench-run');
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-bench-dispatch-'));
  const api: BenchApi = new OperatorApiClient({ dso: { roles: ['grid-operator'], sites: [DISPATCH_SITE_ID] } });
  let database: TestDatabase | undefined;
  const started: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(started.map((service) => service.stop('SIGTERM')));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
    stopKafka(kafka.runDir);
    stopPostgres(postgres.runDir);
  };
  try {
    database = await createTestDatabase('bench_dispatch');
    const env = {
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC_PREFIX: `bench-dispatch-${Date.now()}.`,
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      LOG_LEVEL: 'warn',
    };
    const [smartChargingPort, connectionPort, wsPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const smartCharging = startService('smart-charging', env, smartChargingPort);
    started.push(smartCharging);
    const connection = startService(
      'connection',
      { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept', OCPP_HEARTBEAT_INTERVAL_SECONDS: '86400', ...LOAD_GENERATOR_ENV },
      connectionPort,
    );
    started.push(connection);
    await Promise.all([waitUntilReady(smartCharging, 120_000), waitUntilReady(connection, 120_000)]);
    return { api, wsUrl: `ws://127.0.0.1:${wsPort}/ocpp`, connection, smartCharging, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
