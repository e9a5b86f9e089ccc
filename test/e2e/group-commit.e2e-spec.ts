import { randomUUID } from 'node:crypto';
import type { RuntimeConfig } from '@app/config';
import { ConnectorRepository } from '@app/connection/stations/connector.repository';
import type { ConnectorStatusReport } from '@app/connection/stations/connector-status';
import { LastSeenWriter } from '@app/connection/stations/last-seen.writer';
import { TransactionRecorder } from '@app/connection/transactions/transaction.recorder';
import { TransactionRepository } from '@app/connection/transactions/transaction.repository';
import type { TransactionReport } from '@app/connection/transactions/transaction-report';
import { MeterSampleRepository } from '@app/connection/metering/meter-sample.repository';
import type { MeterSample } from '@app/connection/metering/meter-sample';
import { connectionSchema } from '@app/connection/persistence/connection-schema';
import { GroupCommits } from '@app/connection/persistence/group-commits';
import { MetricsRegistry } from '@app/observability';
import { type OpenDataSource, openServiceDataSource, queryRows } from '@app/persistence';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const POOL = 3;

const status = (overrides: Partial<ConnectorStatusReport> = {}): ConnectorStatusReport => ({
  evseId: 1,
  connectorId: 1,
  status: 'Available',
  ocppStatus: 'Available',
  errorCode: undefined,
  info: undefined,
  vendorErrorCode: undefined,
  statusAt: new Date('2026-12-06T08:00:00Z'),
  ...overrides,
});

const sample = (at: string, value: number): MeterSample => ({
  at: new Date(at),
  measurand: 'Energy.Active.Import.Register',
  phase: '',
  location: 'Outlet',
  context: 'Sample.Periodic',
  value,
  unit: 'Wh',
});

/** Sum of a histogram's _count series in the registry's text output. */
async function writes(metrics: MetricsRegistry, kind: string): Promise<number> {
  const text = await metrics.registry.metrics();
  const match = new RegExp(`^csms_group_commit_items_count\\{kind="${kind}"\\} (\\d+)`, 'm').exec(text);
  return Number(match?.[1] ?? 0);
}

/**
 * Group commit on the station core's acknowledged path (ADR 035), against the real PostgreSQL:
 * many stations' messages share statements, each caller learns its own outcome, and one bad row
 * fails only its own message.
 */
describe('group commit of connector statuses and meter samples, batched last-seen times', () => {
  let database: TestDatabase;
  let open: OpenDataSource;
  let metrics: MetricsRegistry;
  let connectors: ConnectorRepository;
  let samples: MeterSampleRepository;
  let transactions: TransactionRecorder;

  beforeAll(async () => {
    database = await createTestDatabase('group_commit');
    open = await openServiceDataSource({ kind: 'postgres', url: database.url, poolSize: POOL }, connectionSchema, pino({ level: 'silent' }));
    metrics = new MetricsRegistry();
    const groupCommits = new GroupCommits(metrics, open.dataSource, { database: { poolSize: POOL } } as RuntimeConfig);
    connectors = new ConnectorRepository(open.dataSource, groupCommits);
    samples = new MeterSampleRepository(open.dataSource, groupCommits);
    transactions = new TransactionRecorder(open.dataSource, new TransactionRepository(), samples, groupCommits);
    await groupCommits.onModuleInit();
    const stations = [
      ...Array.from({ length: 600 }, (_, index) => `gc-station-${index}`),
      ...Array.from({ length: 20 }, (_, index) => `gc-busy-${index}`),
      ...Array.from({ length: 20 }, (_, index) => `gc-ok-${index}`),
      ...Array.from({ length: 200 }, (_, index) => `gc-tx-${index}`),
      'gc-twice',
      'gc-bad',
      'gc-faulty',
      'gc-seen-1',
      'gc-seen-2',
    ];
    await database.query(`INSERT INTO connection.station (id, security_profile) SELECT unnest($1::text[]), 0`, [stations]);
  });

  afterAll(async () => {
    await open?.close();
    await database?.drop();
  });

  it('prepared the group-commit statements on every pooled connection before the first message', async () => {
    // Hold every pooled connection at once, so that each is asked about its own prepared statements.
    const runners = await Promise.all(Array.from({ length: POOL }, async () => {
      const runner = open.dataSource.createQueryRunner();
      await runner.connect();
      return runner;
    }));
    try {
      for (const runner of runners) {
        const prepared = await queryRows<{ name: string }>(runner, `SELECT name FROM pg_prepared_statements WHERE name LIKE 'csms_%' ORDER BY name`);
        expect(prepared.map((row) => row.name)).toEqual([
          'csms_connector_record_statuses',
          'csms_meter_sample_record',
          'csms_transaction_append_events',
          'csms_transaction_create_all',
          'csms_transaction_lock_all',
          'csms_transaction_save_states',
        ]);
      }
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  });

  it("stores 600 stations' statuses in far fewer statements, each caller told whether its status was stored", async () => {
    const before = await writes(metrics, 'connector_status');
    const results = await Promise.all(Array.from({ length: 600 }, (_, index) => connectors.record(`gc-station-${index}`, status())));
    expect(results.every((stored) => stored)).toBe(true);
    const statements = (await writes(metrics, 'connector_status')) - before;
    expect(statements).toBeLessThan(600);
    const [count] = await database.query<{ count: string }>(`SELECT count(*) FROM connection.connector WHERE station_id LIKE 'gc-station-%'`);
    expect(count?.count).toBe('600');
  });

  it('keeps the newest of two statuses of one connector that share a statement, and refuses an older one later', async () => {
    const older = status({ status: 'Occupied', ocppStatus: 'Charging', statusAt: new Date('2026-12-06T09:00:00Z') });
    const newer = status({ status: 'Available', ocppStatus: 'Available', statusAt: new Date('2026-12-06T09:00:05Z') });
    // Both submitted in the same tick: with the slots busy they leave in one statement.
    const busy = Array.from({ length: 20 }, (_, index) => connectors.record(`gc-busy-${index}`, status()));
    const [olderStored, newerStored] = await Promise.all([connectors.record('gc-twice', older), connectors.record('gc-twice', newer), ...busy]);
    expect([olderStored, newerStored]).toEqual([false, true]);
    expect(await connectors.record('gc-twice', status({ statusAt: new Date('2026-12-06T08:59:00Z') }))).toBe(false);
    const [stored] = await connectors.list('gc-twice');
    expect(stored).toMatchObject({ status: 'Available', statusAt: new Date('2026-12-06T09:00:05Z') });
  });

  it('fails only the message whose row the database refuses; the others of its statement are stored', async () => {
    const blockers = Array.from({ length: 10 }, (_, index) => connectors.record(`gc-ok-${index}`, status()));
    const bad = connectors.record('gc-bad', status({ evseId: -1 })).then(
      () => 'stored',
      (error: unknown) => (error as Error).name,
    );
    const good = Array.from({ length: 10 }, (_, index) => connectors.record(`gc-ok-${10 + index}`, status()));
    expect(await bad).toBe('GroupCommitFailed');
    expect(await Promise.all([...blockers, ...good])).toEqual(Array.from({ length: 20 }, () => true));
  });

  it("clears a connector's fault alert in the statement that stores its healthy status", async () => {
    await database.query(
      `INSERT INTO connection.station_alert (station_id, alert_key, source, severity, evse_id, connector_id, raised_at, last_reported_at)
       VALUES ('gc-faulty', 'connector@1.1', 'connector', 2, 1, 1, '2026-12-06T07:00:00Z', '2026-12-06T07:00:00Z')`,
    );
    expect(await connectors.record('gc-faulty', status(), 'connector@1.1')).toBe(true);
    const [alert] = await database.query<{ cleared_at: Date | null }>(`SELECT cleared_at FROM connection.station_alert WHERE station_id = 'gc-faulty'`);
    expect(alert?.cleared_at).toEqual(new Date('2026-12-06T08:00:00Z'));
  });

  it("stores many stations' meter samples together, once each, and links a repeated sample to its transaction", async () => {
    const before = await writes(metrics, 'meter_sample');
    await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        samples.record(`gc-meter-${index}`, 1, undefined, [sample('2026-12-06T08:00:00Z', index), sample('2026-12-06T08:01:00Z', index + 1)]),
      ),
    );
    expect((await writes(metrics, 'meter_sample')) - before).toBeLessThan(300);
    // The same sample twice in one statement (a retry beside its original), the second with its transaction.
    await Promise.all([
      samples.record('gc-meter-0', 1, undefined, [sample('2026-12-06T08:00:00Z', 0)]),
      samples.record('gc-meter-0', 1, 'tx-1', [sample('2026-12-06T08:00:00Z', 0)]),
    ]);
    const rows = await database.query<{ count: string; linked: string }>(
      `SELECT count(*), count(transaction_id) AS linked FROM connection.meter_sample WHERE station_id LIKE 'gc-meter-%'`,
    );
    expect(rows[0]).toEqual({ count: '600', linked: '1' });
  });

  it('writes last-seen times many per statement, the latest per station, never moving one back', async () => {
    const writer = new LastSeenWriter(open.dataSource, pino({ level: 'silent' }));
    writer.seen('gc-seen-1', new Date('2026-12-06T10:00:00Z'));
    writer.seen('gc-seen-1', new Date('2026-12-06T10:01:00Z'));
    writer.seen('gc-seen-2', new Date('2026-12-06T10:02:00Z'));
    await writer.onApplicationShutdown();
    const later = new LastSeenWriter(open.dataSource, pino({ level: 'silent' }));
    later.seen('gc-seen-2', new Date('2026-12-06T09:00:00Z'));
    await later.onApplicationShutdown();
    const rows = await database.query<{ id: string; last_seen_at: Date }>(`SELECT id, last_seen_at FROM connection.station WHERE id LIKE 'gc-seen-%' ORDER BY id`);
    expect(rows).toEqual([
      { id: 'gc-seen-1', last_seen_at: new Date('2026-12-06T10:01:00Z') },
      { id: 'gc-seen-2', last_seen_at: new Date('2026-12-06T10:02:00Z') },
    ]);
  });

  it("stores many stations' transaction messages per database transaction; a retry beside its original is told it is one", async () => {
    const report = (transactionId: string, seqNo: number, eventType: TransactionReport['eventType'], meterWh: number): TransactionReport => ({
      messageType: 'TransactionEvent',
      naturalKey: [transactionId, seqNo],
      transactionId,
      eventType,
      seqNo,
      at: new Date(Date.UTC(2026, 11, 6, 8, 0, seqNo)),
      triggerReason: eventType === 'Started' ? 'Authorized' : 'MeterValuePeriodic',
      offline: false,
      evseId: 1,
      connectorId: 1,
      idToken: undefined,
      chargingState: 'Charging',
      stoppedReason: undefined,
      remoteStartId: undefined,
      meterWh,
      meterValues: [],
    });
    const before = await writes(metrics, 'transaction');
    const started = await Promise.all(
      Array.from({ length: 200 }, (_, index) => transactions.record(`gc-tx-${index}`, report(`T-${index}`, 0, 'Started', 1000), [], 'Accepted', randomUUID())),
    );
    expect(started.every((recorded) => !recorded.duplicate && recorded.state.state === 'active')).toBe(true);
    expect((await writes(metrics, 'transaction')) - before).toBeLessThan(200);
    // Two messages of one transaction and the retry of the second, in one write (the slots are busy with the first 20).
    const busy = Array.from({ length: 20 }, (_, index) => transactions.record(`gc-tx-${20 + index}`, report(`T-${20 + index}`, 1, 'Updated', 1500), [], undefined, randomUUID()));
    const updated = transactions.record('gc-tx-0', report('T-0', 1, 'Updated', 1400), [sample('2026-12-06T08:00:01Z', 1400)], undefined, randomUUID());
    const ended = transactions.record('gc-tx-0', report('T-0', 2, 'Ended', 1800), [], undefined, randomUUID());
    const retry = transactions.record('gc-tx-0', report('T-0', 2, 'Ended', 1800), [], undefined, randomUUID());
    const [, endedRecorded, retryRecorded] = await Promise.all([updated, ended, retry, ...busy]);
    expect([endedRecorded?.duplicate, retryRecorded?.duplicate]).toEqual([false, true]);
    expect(endedRecorded?.state).toMatchObject({ state: 'ended', meterStartWh: 1000, meterStopWh: 1800, eventCount: 3 });
    const [stored] = await database.query<{ state: string; event_count: number; meter_stop_wh: number; samples: string }>(
      `SELECT t.state, t.event_count, t.meter_stop_wh, (SELECT count(*) FROM connection.meter_sample m WHERE m.station_id = t.station_id AND m.transaction_id = t.transaction_id) AS samples
         FROM connection.transaction t WHERE t.station_id = 'gc-tx-0' AND t.transaction_id = 'T-0'`,
    );
    expect(stored).toEqual({ state: 'ended', event_count: 3, meter_stop_wh: 1800, samples: '1' });
  });

  it('assigns 1.6 transaction ids to a group of starts in one statement; a retry beside its original gets the same id', async () => {
    const start = (connectorId: number): TransactionReport => ({
      messageType: 'StartTransaction',
      naturalKey: [connectorId, 'TAG', '2026-12-06T09:00:00.000Z'],
      transactionId: undefined,
      eventType: 'Started',
      seqNo: 0,
      at: new Date('2026-12-06T09:00:00Z'),
      triggerReason: '',
      offline: false,
      evseId: connectorId,
      connectorId: 1,
      idToken: { value: 'TAG', type: 'ISO14443' },
      chargingState: undefined,
      stoppedReason: undefined,
      remoteStartId: undefined,
      meterWh: 0,
      meterValues: [],
    });
    const busy = Array.from({ length: 20 }, (_, index) => transactions.record(`gc-tx-${60 + index}`, start(1), [], 'Accepted', randomUUID()));
    const [first, retry, other] = await Promise.all([
      transactions.record('gc-tx-50', start(1), [], 'Accepted', randomUUID()),
      transactions.record('gc-tx-50', start(1), [], 'Accepted', randomUUID()),
      transactions.record('gc-tx-51', start(1), [], 'Accepted', randomUUID()),
      ...busy,
    ]);
    expect(retry?.transactionId).toBe(first?.transactionId);
    expect([first?.duplicate, retry?.duplicate]).toEqual([false, true]);
    expect(other?.transactionId).not.toBe(first?.transactionId);
    expect(Number(first?.transactionId)).toBeGreaterThan(0);
  });
});
