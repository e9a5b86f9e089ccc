import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { restartKafka, startKafka, stopKafka } from '@test/support/infrastructure';
import { uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const STATIONS = 10;
const METER_EVERY_MS = 300;

/**
 * Acknowledge after durability, under a broker outage: stations keep sending
 * transaction messages while Kafka is stopped and started again. They get no
 * answer during the outage and retry; in the end the database holds exactly
 * what the stations were told was received, each once.
 */
describe('transactions while the Kafka broker is down', () => {
  let kafka: { brokers: string; runDir?: string };
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  beforeAll(async () => {
    kafka = startKafka('fault-run', { dedicated: true });
    database = await createTestDatabase('kafka_fault');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: kafka.brokers,
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('fault'),
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        OCPP_UNKNOWN_ID_TOKENS: 'accept',
        OCPP_DURABLE_ACK_TIMEOUT_MS: '2000',
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection, 90_000);
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
    stopKafka(kafka?.runDir);
  });

  it('stores exactly the transactions and meter values the stations got acknowledgements for, once each', async () => {
    const runDir = kafka.runDir;
    if (!runDir) throw new Error('the fault test needs a broker of its own');
    const stations = Array.from(
      { length: STATIONS },
      (_, index) =>
        new SimulatedStation({
          id: `FAULT-${index}`,
          version: index % 2 === 0 ? '1.6' : '2.0.1',
          callTimeoutMs: 3000,
          transactionMessageAttempts: 40,
          transactionMessageRetryIntervalMs: 500,
          meterIntervalS: 3600,
          connection: { url: wsUrl, securityProfile: 0 },
        }),
    );
    const acked = new Map<string, { starts: number; stops: number; meterTimestamps: Set<string> }>();
    await Promise.all(
      stations.map(async (station) => {
        acked.set(station.id, { starts: 0, stops: 0, meterTimestamps: new Set() });
        station.events.on('meterValues', ({ sample, transactionId }) => {
          if (transactionId) acked.get(station.id)?.meterTimestamps.add(new Date(sample.timestamp).toISOString());
        });
        await station.connect();
        await station.boot();
      }),
    );

    const runFor = async (station: SimulatedStation, until: number) => {
      const counts = acked.get(station.id);
      if (!counts) return;
      await station.startTransaction({ idToken: `TAG-${station.id}`.slice(0, 20) });
      counts.starts += 1;
      while (Date.now() < until) {
        await station.sendMeterValues(1, 'Trigger');
        await new Promise((resolve) => setTimeout(resolve, METER_EVERY_MS));
      }
      await station.stopTransaction(1);
      counts.stops += 1;
    };

    const started = Date.now();
    const sessions = Promise.all(stations.map((station) => runFor(station, started + 16_000)));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    stopKafka(runDir);
    await new Promise((resolve) => setTimeout(resolve, 8000));
    restartKafka(runDir);
    await sessions;
    await Promise.all(stations.map((station) => station.dispose()));

    for (const station of stations) {
      const counts = acked.get(station.id);
      const transactions = await database.query<{ state: string }>(`SELECT state FROM connection.transaction WHERE station_id = $1`, [station.id]);
      expect({ station: station.id, transactions: transactions.length, ended: transactions.filter((t) => t.state === 'ended').length }).toEqual({
        station: station.id,
        transactions: counts?.starts,
        ended: counts?.stops,
      });
      const stored = await database.query<{ sampled_at: Date }>(
        `SELECT sampled_at FROM connection.meter_sample
          WHERE station_id = $1 AND measurand = 'Energy.Active.Import.Register' AND context = 'Trigger' AND phase = ''
          ORDER BY sampled_at`,
        [station.id],
      );
      const storedTimestamps = stored.map((row) => new Date(row.sampled_at).toISOString());
      expect(storedTimestamps).toEqual([...(counts?.meterTimestamps ?? [])].sort());
    }
    const duplicates = await database.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM connection.meter_sample GROUP BY station_id, evse_id, sampled_at, measurand, phase, location, context HAVING count(*) > 1) d`,
    );
    expect(duplicates[0]?.n).toBe('0');
  });
});
