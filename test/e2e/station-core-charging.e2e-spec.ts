import { type JsonObject, toJson } from '@bufbuild/protobuf';
import { SimulatedStation } from '@app/simulator';
import type { OcppVersion } from '@app/ocpp';
import { StationEventSchema, fromBinary } from '@test/support/contracts';
import { freePort } from '@test/support/free-port';
import { readUntil, testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const MINUTE = 60_000;

interface DecodedEvent {
  eventId: string;
  stationId: string;
  bodyCase: string;
  body: JsonObject;
}

function decode(value: Buffer | null): DecodedEvent | undefined {
  if (!value) return undefined;
  const event = fromBinary(StationEventSchema, value);
  const json = toJson(StationEventSchema, event) as JsonObject;
  const bodyCase = event.body.case ?? '';
  return { eventId: event.eventId, stationId: event.stationId, bodyCase, body: (json[bodyCase] ?? {}) as JsonObject };
}

/**
 * The station core end to end, in distributed mode (real Kafka and PostgreSQL, the connection
 * service as its own process), driven by the fleet simulator in both OCPP versions:
 * boot → status → authorize → charge with meter values → stop.
 */
describe('station core: charging with the fleet simulator', () => {
  const prefix = uniqueTopicPrefix('corecharge');
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('station_core_charging');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'reject',
        OCPP_UNKNOWN_ID_TOKENS: 'reject',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    await database.query(`INSERT INTO connection.station (id, security_profile) VALUES ('CORE-16', 0), ('CORE-201', 0)`);
    await database.query(
      `INSERT INTO connection.id_token (value, type, status, expires_at) VALUES
        ('TAG-OK', 'ISO14443', 'Accepted', now() + interval '1 day'),
        ('TAG-BLOCKED', 'ISO14443', 'Blocked', NULL),
        ('TAG-EXPIRED', 'ISO14443', 'Accepted', now() - interval '1 day')`,
    );
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  describe.each([
    { version: '1.6' as OcppVersion, stationId: 'CORE-16' },
    { version: '2.0.1' as OcppVersion, stationId: 'CORE-201' },
  ])('OCPP $version', ({ version, stationId }) => {
    let clock = Date.parse('2025-06-01T10:00:00Z');
    let station: SimulatedStation;
    let transactionId = '';

    beforeAll(async () => {
      station = new SimulatedStation({
        id: stationId,
        version,
        connection: { url: wsUrl, securityProfile: 0 },
        identity: { vendor: 'Acme', model: 'AC-22', firmwareVersion: '4.2.0', serialNumber: `SN-${stationId}` },
        now: () => clock,
      });
      await station.connect();
    });

    afterAll(() => station?.dispose());

    it('boots, is accepted and reports its connectors', async () => {
      expect(await station.boot()).toEqual({ status: 'Accepted', intervalS: 300 });
      await station.sendStatus('Available');
      const [row] = await database.query(
        `SELECT vendor, model, firmware_version, serial_number, registration_status, last_boot_at FROM connection.station WHERE id = $1`,
        [stationId],
      );
      expect(row).toEqual({
        vendor: 'Acme',
        model: 'AC-22',
        firmware_version: '4.2.0',
        serial_number: `SN-${stationId}`,
        registration_status: 'accepted',
        last_boot_at: expect.any(Date),
      });
      expect(await database.query(`SELECT evse_id, connector_id, status FROM connection.connector WHERE station_id = $1`, [stationId])).toEqual([
        { evse_id: 1, connector_id: 1, status: 'Available' },
      ]);
    });

    it('authorizes id tokens by their registered status and expiry, and refuses unknown ones', async () => {
      expect(await station.authorize('TAG-OK')).toBe('Accepted');
      expect(await station.authorize('tag-ok')).toBe('Accepted');
      expect(await station.authorize('TAG-BLOCKED')).toBe('Blocked');
      expect(await station.authorize('TAG-EXPIRED')).toBe('Expired');
      expect(await station.authorize('NOBODY')).toBe('Invalid');
    });

    it('charges with meter values and stores the transaction with its energy and samples', async () => {
      const started = await station.startTransaction({ evseId: 1, idToken: 'TAG-OK' });
      transactionId = started.transactionId ?? '';
      expect(transactionId).not.toBe('');
      for (let update = 0; update < 2; update += 1) {
        clock += 15 * MINUTE;
        await station.sendMeterValues(1, 'Periodic');
      }
      clock += 15 * MINUTE;
      await station.stopTransaction(1, 'Local');

      const [transaction] = await database.query<Record<string, unknown>>(
        `SELECT state, evse_id, id_token, started_at, stopped_at, meter_start_wh, meter_stop_wh, energy_wh, stopped_reason, charging_state
           FROM connection.transaction WHERE station_id = $1 AND transaction_id = $2`,
        [stationId, transactionId],
      );
      expect(transaction).toMatchObject({
        state: 'ended',
        evse_id: 1,
        id_token: 'TAG-OK',
        started_at: new Date('2025-06-01T10:00:00Z'),
        stopped_at: new Date('2025-06-01T10:45:00Z'),
        stopped_reason: 'Local',
        // 2.0.1 reported Charging while it ran; its Ended event reports no charging state, so an ended transaction has none.
        charging_state: null,
      });
      const start = Number(transaction?.meter_start_wh);
      const stop = Number(transaction?.meter_stop_wh);
      // 22 kW (32 A on three phases) for 45 minutes.
      expect(stop - start).toBeGreaterThan(15_000);
      expect(Number(transaction?.energy_wh)).toBeCloseTo(stop - start, 6);

      const samples = await database.query<{ measurand: string; unit: string; count: string }>(
        `SELECT measurand, unit, count(*) FROM connection.meter_sample WHERE station_id = $1 AND transaction_id = $2 GROUP BY measurand, unit ORDER BY measurand`,
        [stationId, transactionId],
      );
      expect(samples.map(({ measurand, unit }) => [measurand, unit])).toEqual(
        expect.arrayContaining([
          ['Energy.Active.Import.Register', 'Wh'],
          ['Power.Active.Import', 'W'],
          ['Current.Import', 'A'],
          ['Voltage', 'V'],
        ]),
      );
      const energySamples = samples.find((sample) => sample.measurand === 'Energy.Active.Import.Register');
      expect(Number(energySamples?.count)).toBeGreaterThanOrEqual(3);
    });

    it('publishes booted, status, authorization, transaction and meter values events on ocpp.events', async () => {
      const mine = (messages: { value: Buffer | null }[]) => messages.map((message) => decode(message.value)).filter((event) => event?.stationId === stationId);
      const messages = await readUntil(testKafka(), `${prefix}ocpp.events`, (seen) =>
        mine(seen).some((event) => event?.bodyCase === 'transaction' && event.body.phase === 'TRANSACTION_PHASE_ENDED'),
      );
      const events = mine(messages).filter((event): event is DecodedEvent => event !== undefined);
      const cases = new Set(events.map((event) => event.bodyCase));
      expect([...cases]).toEqual(expect.arrayContaining(['connected', 'booted', 'status', 'authorization', 'transaction', 'meterValues']));
      expect(events.find((event) => event.bodyCase === 'booted')?.body).toMatchObject({
        vendor: 'Acme',
        model: 'AC-22',
        status: 'REGISTRATION_STATUS_ACCEPTED',
      });
      const phases = events.filter((event) => event.bodyCase === 'transaction').map((event) => event.body.phase);
      expect(phases[0]).toBe('TRANSACTION_PHASE_STARTED');
      expect(phases).toContain('TRANSACTION_PHASE_ENDED');
      const ended = events.find((event) => event.bodyCase === 'transaction' && event.body.phase === 'TRANSACTION_PHASE_ENDED');
      expect(ended?.body).toMatchObject({ transactionId, evseId: 1, idToken: { value: 'TAG-OK' } });
      expect(Number(ended?.body.meterStopWh)).toBeGreaterThan(15_000);
      const meterValues = events.filter((event) => event.bodyCase === 'meterValues' && event.body.transactionId === transactionId);
      expect(meterValues.length).toBeGreaterThanOrEqual(2);
      expect(meterValues[0]?.body.samples).toEqual(expect.arrayContaining([expect.objectContaining({ measurand: 'Power.Active.Import', unit: 'W' })]));
    });
  });
});
