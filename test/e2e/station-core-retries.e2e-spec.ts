import { type ReadEvent, readWholeTopic } from '@test/support/event-topic-reader';
import { freePort } from '@test/support/free-port';
import { testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

const boot16 = { chargePointVendor: 'Acme', chargePointModel: 'AC-22' };
const boot201 = { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'AC-22' } };
const call = (messageId: string, action: string, payload: object) => JSON.stringify([2, messageId, action, payload]);
const kwh = (value: number, timestamp: string, context: string) => ({ timestamp, sampledValue: [{ value, context, unitOfMeasure: { unit: 'kWh' } }] });

/**
 * What stations do that the simulator does not: retry a message whose answer they did not get,
 * and deliver transaction events out of order after an offline period. Raw sockets, the real
 * connection service, Kafka and PostgreSQL.
 */
describe('station core: retries and out-of-order events', () => {
  const prefix = uniqueTopicPrefix('coreretry');
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  const sockets: WebSocket[] = [];

  async function open(stationId: string, protocol: 'ocpp1.6' | 'ocpp2.0.1'): Promise<WebSocket> {
    const outcome = await connectStation(`${wsUrl}/${stationId}`, [protocol]);
    if (!outcome.open) throw new Error(`${stationId} refused with ${outcome.status}`);
    sockets.push(outcome.socket);
    return outcome.socket;
  }

  const count = async (sql: string, params: unknown[]) => Number((await database.query<{ count: string }>(sql, params))[0]?.count);

  beforeAll(async () => {
    database = await createTestDatabase('station_core_retries');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, OCPP_WS_PORT: String(wsPort) };
    connection = startService('connection', { ...env, OCPP_UNKNOWN_ID_TOKENS: 'accept' }, httpPort);
    await waitUntilReady(connection);
    await database.query(`INSERT INTO connection.station (id, security_profile) VALUES ('RAW-16', 0), ('RAW-201', 0)`);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  describe('OCPP 1.6: a retried message gets the same answer and adds nothing', () => {
    let socket: WebSocket;
    let transactionId: number;
    const start = { connectorId: 1, idTag: 'TAG-R', meterStart: 2000, timestamp: '2025-06-01T10:00:00Z' };

    beforeAll(async () => {
      socket = await open('RAW-16', 'ocpp1.6');
      expect(await exchange(socket, call('b1', 'BootNotification', boot16))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    });

    it('StartTransaction: the same CSMS transaction id, one transaction, one event', async () => {
      const first = await exchange(socket, call('s1', 'StartTransaction', start));
      const retry = await exchange(socket, call('s1-retry', 'StartTransaction', start));
      expect(first).toEqual([3, 's1', { idTagInfo: { status: 'Accepted' }, transactionId: expect.any(Number) }]);
      transactionId = (first[2] as { transactionId: number }).transactionId;
      expect(retry).toEqual([3, 's1-retry', first[2]]);
      expect(await count(`SELECT count(*) FROM connection.transaction WHERE station_id = 'RAW-16'`, [])).toBe(1);
      expect(await count(`SELECT count(*) FROM connection.transaction_event WHERE station_id = 'RAW-16'`, [])).toBe(1);
    });

    it('MeterValues: no duplicate samples', async () => {
      const meterValues = {
        connectorId: 1,
        transactionId,
        meterValue: [
          {
            timestamp: '2025-06-01T10:15:00Z',
            sampledValue: [
              { value: '4.5', unit: 'kWh' },
              { value: '11', unit: 'kW', measurand: 'Power.Active.Import' },
            ],
          },
        ],
      };
      expect(await exchange(socket, call('m1', 'MeterValues', meterValues))).toEqual([3, 'm1', {}]);
      expect(await exchange(socket, call('m1-retry', 'MeterValues', meterValues))).toEqual([3, 'm1-retry', {}]);
      const samples = await database.query(`SELECT measurand, value, unit FROM connection.meter_sample WHERE station_id = 'RAW-16' ORDER BY measurand`, []);
      expect(samples).toEqual([
        { measurand: 'Energy.Active.Import.Register', value: 4500, unit: 'Wh' },
        { measurand: 'Power.Active.Import', value: 11_000, unit: 'W' },
      ]);
    });

    it('StopTransaction: the same answer, the transaction ended once with its energy', async () => {
      const stop = { transactionId, idTag: 'TAG-R', meterStop: 9500, timestamp: '2025-06-01T10:30:00Z', reason: 'EVDisconnected' };
      const first = await exchange(socket, call('e1', 'StopTransaction', stop));
      expect(first).toEqual([3, 'e1', { idTagInfo: { status: 'Accepted' } }]);
      expect(await exchange(socket, call('e1-retry', 'StopTransaction', stop))).toEqual([3, 'e1-retry', first[2]]);
      const rows = await database.query(
        `SELECT state, meter_start_wh, meter_stop_wh, energy_wh, stopped_reason, event_count FROM connection.transaction WHERE station_id = 'RAW-16'`,
        [],
      );
      expect(rows).toEqual([{ state: 'ended', meter_start_wh: 2000, meter_stop_wh: 9500, energy_wh: 7500, stopped_reason: 'EVDisconnected', event_count: 2 }]);
    });

    it('publishes each message once, however often the station sends it', async () => {
      const transactionIds = (events: ReadEvent[]) =>
        events.filter(({ event }) => event.stationId === 'RAW-16' && event.body.case === 'transaction').map(({ event }) => event.eventId);
      // Read to the end of the topic, so that a second record of a message would be seen.
      const events = await readWholeTopic(testKafka(), `${prefix}ocpp.events`, (seen) => transactionIds(seen).length >= 2, 30_000);
      const ids = transactionIds(events);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    });
  });

  describe('OCPP 2.0.1: transaction events out of order, after an offline period', () => {
    let socket: WebSocket;
    const tx = { transactionId: 'tx-offline-1' };
    const event = (eventType: string, seqNo: number, timestamp: string, energyKwh: number, context: string, extra: object = {}) => ({
      eventType,
      seqNo,
      timestamp,
      triggerReason: eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'EVCommunicationLost' : 'MeterValuePeriodic',
      offline: true,
      transactionInfo: { ...tx, ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
      evse: { id: 1, connectorId: 1 },
      meterValue: [kwh(energyKwh, timestamp, context)],
      ...extra,
    });
    const idToken = { idToken: 'TAG-X', type: 'ISO14443' };
    const started = event('Started', 0, '2025-06-01T10:00:00Z', 1, 'Transaction.Begin', { idToken });
    const updated = event('Updated', 1, '2025-06-01T10:30:00Z', 5, 'Sample.Periodic');
    const ended = event('Ended', 2, '2025-06-01T11:00:00Z', 9, 'Transaction.End');

    beforeAll(async () => {
      socket = await open('RAW-201', 'ocpp2.0.1');
      expect(await exchange(socket, call('b1', 'BootNotification', boot201))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    });

    const transaction = async () =>
      (
        await database.query<Record<string, unknown>>(
          `SELECT state, started_at, stopped_at, meter_start_wh, meter_stop_wh, energy_wh, id_token, offline, event_count, last_seq_no
             FROM connection.transaction WHERE station_id = 'RAW-201' AND transaction_id = $1`,
          [tx.transactionId],
        )
      )[0];

    it('keeps an Updated that arrives before its Started, standing in for the start until it comes', async () => {
      expect(await exchange(socket, call('u1', 'TransactionEvent', updated))).toEqual([3, 'u1', {}]);
      expect(await transaction()).toMatchObject({ state: 'active', started_at: new Date('2025-06-01T10:30:00Z'), meter_start_wh: 5000, event_count: 1 });
    });

    it('takes start time and meter start from the late Started, and answers its retry alike', async () => {
      const answer = await exchange(socket, call('s1', 'TransactionEvent', started));
      expect(answer).toEqual([3, 's1', { idTokenInfo: { status: 'Accepted' } }]);
      expect(await exchange(socket, call('s1-retry', 'TransactionEvent', started))).toEqual([3, 's1-retry', answer[2]]);
      expect(await transaction()).toMatchObject({
        state: 'active',
        started_at: new Date('2025-06-01T10:00:00Z'),
        meter_start_wh: 1000,
        energy_wh: 4000,
        event_count: 2,
      });
    });

    it('ends the transaction with its energy; duplicates add no events and no samples', async () => {
      expect(await exchange(socket, call('e1', 'TransactionEvent', ended))).toEqual([3, 'e1', {}]);
      expect(await exchange(socket, call('u1-retry', 'TransactionEvent', updated))).toEqual([3, 'u1-retry', {}]);
      expect(await transaction()).toEqual({
        state: 'ended',
        started_at: new Date('2025-06-01T10:00:00Z'),
        stopped_at: new Date('2025-06-01T11:00:00Z'),
        meter_start_wh: 1000,
        meter_stop_wh: 9000,
        energy_wh: 8000,
        id_token: 'TAG-X',
        offline: true,
        event_count: 3,
        last_seq_no: '2',
      });
      expect(await count(`SELECT count(*) FROM connection.meter_sample WHERE station_id = 'RAW-201' AND transaction_id = $1`, [tx.transactionId])).toBe(3);
    });

    it('keeps the newest connector status when an older one, queued while offline, arrives late', async () => {
      const status = (connectorStatus: string, timestamp: string) => ({ timestamp, connectorStatus, evseId: 1, connectorId: 1 });
      expect(await exchange(socket, call('st2', 'StatusNotification', status('Available', '2025-06-01T11:00:05Z')))).toEqual([3, 'st2', {}]);
      expect(await exchange(socket, call('st1', 'StatusNotification', status('Occupied', '2025-06-01T10:00:05Z')))).toEqual([3, 'st1', {}]);
      expect(await database.query(`SELECT status, status_at FROM connection.connector WHERE station_id = 'RAW-201'`, [])).toEqual([
        { status: 'Available', status_at: new Date('2025-06-01T11:00:05Z') },
      ]);
    });

    it('MeterValues outside a transaction: a retry adds no samples', async () => {
      const meterValues = { evseId: 1, meterValue: [kwh(9.2, '2025-06-01T11:15:00Z', 'Sample.Clock')] };
      expect(await exchange(socket, call('m1', 'MeterValues', meterValues))).toEqual([3, 'm1', {}]);
      expect(await exchange(socket, call('m1-retry', 'MeterValues', meterValues))).toEqual([3, 'm1-retry', {}]);
      expect(await count(`SELECT count(*) FROM connection.meter_sample WHERE station_id = 'RAW-201' AND transaction_id IS NULL`, [])).toBe(1);
    });
  });
});
