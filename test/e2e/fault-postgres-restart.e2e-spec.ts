import { readWholeTopic } from '@test/support/event-topic-reader';
import { type DurableKeys, acknowledgedKeys, compare, countOf, publishedKeys, repeats, storedKeys } from '@test/support/durable-census';
import { LoadFleet } from '@test/support/fault-load';
import { faultSummary } from '@test/support/fault-report';
import { freePort } from '@test/support/free-port';
import { testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { PrivatePostgres } from '@test/support/private-postgres';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import type { TestDatabase } from '@test/support/test-database';

const STATIONS = 40;
const PREFIX = 'FPG-';
const NONE = { missing: 0, extra: 0, examples: [] };

/**
 * Issue 13, PostgreSQL restarted under load: the connection service's database (a server of this
 * test's own) is stopped and started again while stations run sessions. Durable messages get no
 * answer while it is down and are sent again; once it is back the gateway serves every station
 * without being restarted, and PostgreSQL and Kafka hold exactly what the stations were told was
 * received, each once.
 */
describe('fault: PostgreSQL restarted under load', () => {
  const topicPrefix = uniqueTopicPrefix('faultpg');
  let postgres: PrivatePostgres;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let fleet: LoadFleet;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start('fault-postgres');
    database = await postgres.createDatabase('postgres_restart');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        OCPP_UNKNOWN_ID_TOKENS: 'accept',
        OCPP_DURABLE_ACK_TIMEOUT_MS: '1500',
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection, 90_000);
    fleet = new LoadFleet({ prefix: PREFIX, count: STATIONS, url: `ws://127.0.0.1:${wsPort}/ocpp`, paceMs: 500, meterValuesPerSession: 5, callTimeoutMs: 4000 });
  }, 180_000);

  afterAll(async () => {
    await fleet?.dispose();
    await connection?.stop('SIGKILL');
    await postgres?.reset();
  });

  it('keeps everything the stations got an answer for, once, and serves them again without a restart', async () => {
    const until = (what: string, holds: () => boolean, timeoutMs: number) =>
      eventually(
        what,
        async () => {
          if (fleet.failure !== undefined) throw new ProbeAbort(`a station failed: ${String(fleet.failure)}`);
          if (connection.child.exitCode !== null) throw new ProbeAbort(`the connection service exited with ${connection.child.exitCode}`);
          return holds() ? true : undefined;
        },
        timeoutMs,
        [connection],
      );
    await fleet.start();
    const warm = fleet.snapshot();
    await until('every station sending under load', () => fleet.servedSince(warm), 90_000);

    const retriesBefore = fleet.retries();
    await postgres.stop();
    const stoppedAt = Date.now();
    // Down until the stations have felt it: durable messages unanswered and sent again.
    await until('stations sending unanswered messages again', () => fleet.retries() >= retriesBefore + STATIONS / 2, 90_000);
    await postgres.restart();
    const restartedAt = Date.now();
    const afterRestart = fleet.snapshot();
    await until('every station answered again after the restart', () => fleet.servedSince(afterRestart), 120_000);
    const recoveredMs = Date.now() - restartedAt;
    await fleet.stop();
    expect(connection.child.exitCode).toBeNull();

    const acknowledged = acknowledgedKeys(fleet.receipts.values());
    const stored = await storedKeys(database, PREFIX);
    const storedDiff = compare(acknowledged, stored);
    const kafka = testKafka();
    const events = await readWholeTopic(
      kafka,
      `${topicPrefix}ocpp.events`,
      (read) => coveredBy(acknowledged, publishedKeys(read.map((r) => r.event), PREFIX)),
      90_000,
    );
    const published = publishedKeys(events.map((r) => r.event), PREFIX);
    const publishedDiff = compare(acknowledged, published);
    const duplicates = stored.duplicateSamples + repeats(published.eventIds) + repeats(published.contents);
    console.info(
      faultSummary(
        'postgres-restart',
        {
          sent: fleet.sent(),
          answered: countOf(acknowledged),
          stored: countOf(acknowledged) - storedDiff.starts.missing - storedDiff.stops.missing - storedDiff.meterValues.missing,
          duplicates,
          reconnects: fleet.reconnects,
          recoveredMs,
        },
        `${STATIONS} stations, PostgreSQL down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s, ${fleet.retries() - retriesBefore} retries, calls failed: ${fleet.outageSummary()}`,
      ),
    );

    expect(storedDiff).toEqual({ starts: NONE, stops: NONE, meterValues: NONE });
    expect(stored.duplicateSamples).toBe(0);
    expect(publishedDiff).toEqual({ starts: NONE, stops: NONE, meterValues: NONE });
    expect({ eventIds: repeats(published.eventIds), contents: repeats(published.contents) }).toEqual({ eventIds: 0, contents: 0 });
  }, 420_000);
});

/** Every acknowledged key is on the topic (as many times as acknowledged or more). */
function coveredBy(acknowledged: DurableKeys, published: DurableKeys): boolean {
  const diff = compare(acknowledged, published);
  return diff.starts.missing === 0 && diff.stops.missing === 0 && diff.meterValues.missing === 0;
}
