import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const MIGRATION = 'EndedTransactionChargingState1764150000001';

type Event = [seqNo: number, eventType: 'Started' | 'Updated' | 'Ended', chargingState: string | null];

/**
 * Migrations that correct rows the station core stored under an earlier rule, run by the
 * connection service at start-up against real PostgreSQL: rows are stored as the earlier rule
 * left them, the migration is marked as not applied, and the service starts again.
 */
describe('transaction migrations', () => {
  let database: TestDatabase;
  let connection: ServiceProcess | undefined;

  async function start(): Promise<void> {
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    connection = startService(
      'connection',
      { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('txmigrate'), DATABASE_URL: database.url, OCPP_WS_PORT: String(wsPort), LOG_LEVEL: 'warn' },
      httpPort,
    );
    await waitUntilReady(connection);
  }

  async function transaction(id: string, state: 'active' | 'ended', storedChargingState: string | null, events: Event[]): Promise<void> {
    await database.query(`INSERT INTO connection.transaction (station_id, transaction_id, state, charging_state) VALUES ('MIG-1', $1, $2, $3)`, [id, state, storedChargingState]);
    for (const [seqNo, eventType, chargingState] of events) {
      await database.query(
        `INSERT INTO connection.transaction_event (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, charging_state, event_id)
         VALUES ('MIG-1', $1, $2, $3, now(), '', $4, gen_random_uuid())`,
        [id, seqNo, eventType, chargingState],
      );
    }
  }

  async function chargingStates(): Promise<Record<string, string | null>> {
    const rows = await database.query<{ transaction_id: string; charging_state: string | null }>(`SELECT transaction_id, charging_state FROM connection.transaction`);
    return Object.fromEntries(rows.map((row) => [row.transaction_id, row.charging_state]));
  }

  beforeAll(async () => {
    database = await createTestDatabase('transaction_migrations');
    await start();
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  it('gives ended transactions the charging state of their Ended event, and leaves active ones alone', async () => {
    await database.query(`INSERT INTO connection.station (id, security_profile) VALUES ('MIG-1', 0)`);
    // As the earlier rule stored them: the newest charging state any event reported.
    await transaction('ended-silently', 'ended', 'Charging', [
      [0, 'Started', 'Charging'],
      [1, 'Updated', 'Charging'],
      [2, 'Ended', null],
    ]);
    await transaction('ended-plugged-in', 'ended', 'EVConnected', [
      [0, 'Started', 'Charging'],
      [1, 'Ended', 'EVConnected'],
    ]);
    await transaction('running', 'active', 'SuspendedEV', [
      [0, 'Started', 'Charging'],
      [1, 'Updated', 'SuspendedEV'],
    ]);
    await transaction('ocpp16', 'ended', null, [
      [0, 'Started', null],
      [1, 'Ended', null],
    ]);
    await connection?.stop('SIGTERM');
    expect(await database.query(`DELETE FROM connection.migrations WHERE name = $1 RETURNING name`, [MIGRATION])).toEqual([{ name: MIGRATION }]);

    await start();
    expect(await database.query(`SELECT name FROM connection.migrations WHERE name = $1`, [MIGRATION])).toEqual([{ name: MIGRATION }]);
    expect(await chargingStates()).toEqual({ 'ended-silently': null, 'ended-plugged-in': 'EVConnected', running: 'SuspendedEV', ocpp16: null });
  });
});
