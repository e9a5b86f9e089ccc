import { type JsonObject, toJson } from '@bufbuild/protobuf';
import { ChargingProfileKind, ChargingProfilePurpose, ChargingRateUnit, type StationEvent, StationEventSchema } from '@app/contracts';
import { EnvelopeConsumer, EnvelopePublisher, type MessageBus, Topics, createMessageBus } from '@app/messaging';
import { MetricsRegistry } from '@app/observability';
import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import pino from 'pino';

const WAIT_MS = 60_000;

const capabilities201 = {
  smartChargingEnabled: true,
  rateUnits: ['CHARGING_RATE_UNIT_AMPERE', 'CHARGING_RATE_UNIT_WATT'],
  maxStackLevel: 10,
  maxPeriodsPerSchedule: 24,
  maxProfilesInstalled: 16,
  supplyPhases: 3,
  phaseSwitching3to1: false,
  phaseToUseSupported: false,
};
// 1.6 has no key for the supply phases.
const { supplyPhases: _none, ...capabilities16 } = capabilities201;

/**
 * What smart charging needs from stations, end to end: simulated 1.6 and 2.0.1 stations talk to
 * the connection service (its own process, real Kafka and PostgreSQL), and the exact neutral
 * events arrive on ocpp.events; commands go through a backend's StationCommandClient.
 */
describe('smart-charging inputs on ocpp.events', () => {
  const prefix = uniqueTopicPrefix('scinputs');
  const logger = pino({ level: 'silent' });
  const events: StationEvent[] = [];
  const stations = new Map<OcppVersion, SimulatedStation>();
  const ids: Readonly<Record<OcppVersion, string>> = { '1.6': 'SCI-16', '2.0.1': 'SCI-201' };
  let database: TestDatabase;
  let connection: ServiceProcess;
  let bus: MessageBus;
  let client: StationCommandClient;

  const station = (version: OcppVersion): SimulatedStation => {
    const found = stations.get(version);
    if (found === undefined) throw new Error(`no ${version} station`);
    return found;
  };

  /** The bodies of `bodyCase` the station's events carried so far, as proto JSON, once there are at least `count`. */
  const bodies = (stationId: string, bodyCase: NonNullable<StationEvent['body']['case']>, count = 1, matching: (body: JsonObject) => boolean = () => true) =>
    eventually(
      `${count} ${bodyCase} event(s) of ${stationId}`,
      async () => {
        const found = events
          .filter((event) => event.stationId === stationId && event.body.case === bodyCase)
          .map((event) => (toJson(StationEventSchema, event) as JsonObject)[bodyCase] as JsonObject)
          .filter(matching);
        return found.length >= count ? found : undefined;
      },
      WAIT_MS,
      [connection],
    );

  beforeAll(async () => {
    database = await createTestDatabase('smart_charging_inputs');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    connection = startService(
      'connection',
      { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept', LOG_LEVEL: 'warn' },
      httpPort,
    );
    await waitUntilReady(connection);

    bus = createMessageBus(
      { kind: 'kafka', brokers: testBrokers().split(','), clientId: 'e2e-scinputs', topicPrefix: prefix, partitions: 6, commandPartitions: 1, replicationFactor: 1, retentionMs: 3_600_000 },
      logger,
    );
    await bus.start();
    const consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    const presence = new PresenceDirectory();
    client = new StationCommandClient('e2e-smart-charging', presence, new EnvelopePublisher(bus));
    await consumer.subscribe({ topic: Topics.presence, groupId: 'e2e.scinputs.presence', handle: async (record) => presence.apply(record) });
    await consumer.subscribe({ topic: Topics.results, groupId: 'e2e.scinputs.results', from: 'now', handle: async (result) => client.receive(result) });
    await consumer.subscribe({ topic: Topics.events, groupId: 'e2e.scinputs.events', handle: async (event) => void events.push(event) });

    for (const version of ['1.6', '2.0.1'] as const) {
      const simulated = new SimulatedStation({ id: ids[version], version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 }, evseCount: 2 });
      stations.set(version, simulated);
      await simulated.connect();
      await simulated.boot();
    }
    await eventually('both stations present', async () => (presence.locate(ids['1.6'])?.connected && presence.locate(ids['2.0.1'])?.connected ? true : undefined), WAIT_MS, [
      connection,
    ]);
  });

  afterAll(async () => {
    await Promise.all([...stations.values()].map((simulated) => simulated.dispose()));
    await bus?.stop();
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  describe.each([
    { version: '1.6' as const, expected: capabilities16 },
    { version: '2.0.1' as const, expected: capabilities201 },
  ])('charging capabilities, OCPP $version', ({ version, expected }) => {
    it('are published after the station boots and is accepted', async () => {
      expect(await bodies(ids[version], 'chargingCapabilities')).toEqual([expected]);
    });

    it('are the answer to get_charging_capabilities, and are published again', async () => {
      const outcome = await client.send(ids[version], { case: 'getChargingCapabilities', value: {} });
      expect(outcome).toMatchObject({ status: 'accepted', result: { status: 'Accepted', capabilities: expected } });
      expect(await bodies(ids[version], 'chargingCapabilities', 2)).toEqual([expected, expected]);
    });
  });

  describe('OCPP 2.0.1 station messages', () => {
    const id = ids['2.0.1'];

    it('NotifyEVChargingNeeds: ev_charging_needs after the transaction started, then the draw per phase', async () => {
      const departureAt = Date.parse('2030-01-01T18:00:00Z');
      const started = await station('2.0.1').startTransaction({ evseId: 1, idToken: 'TAG-1', vehicle: { phases: 3, maxCurrentA: 16, energyNeedWh: 30_000, departureAt } });
      expect(await bodies(id, 'evChargingNeeds')).toEqual([
        {
          evseId: 1,
          requestedEnergyTransfer: 'ENERGY_TRANSFER_MODE_AC_THREE_PHASE',
          departureTime: '2030-01-01T18:00:00Z',
          ac: { energyAmountWh: 30_000, evMinCurrentA: 6, evMaxCurrentA: 16, evMaxVoltageV: 400 },
        },
      ]);
      const mine = events.filter((event) => event.stationId === id);
      const startedAt = mine.findIndex((event) => event.body.case === 'transaction' && event.body.value.transactionId === started.transactionId);
      expect(startedAt).toBeGreaterThanOrEqual(0);
      expect(mine.findIndex((event) => event.body.case === 'evChargingNeeds')).toBeGreaterThan(startedAt);
      expect(mine[startedAt]?.body.value).toMatchObject({ evseId: 1 });

      await station('2.0.1').sendMeterValues(1, 'Periodic');
      const [meterValues] = await bodies(id, 'meterValues', 1, (body) => body.transactionId === started.transactionId && body.samples !== undefined);
      const currents = (meterValues?.samples as JsonObject[]).filter((sample) => sample.measurand === 'Current.Import');
      expect(currents.map(({ phase, value, unit }) => [phase, value, unit])).toEqual(expect.arrayContaining([
        ['L1', 16, 'A'],
        ['L2', 16, 'A'],
        ['L3', 16, 'A'],
      ]));
      expect(meterValues).toMatchObject({ evseId: 1 });
    });

    it('NotifyChargingLimit and ClearedChargingLimit: charging_limit with the schedule, then charging_limit_cleared', async () => {
      const schedule = {
        id: 7,
        unit: 'W' as const,
        startSchedule: Date.parse('2030-01-01T16:00:00Z'),
        duration: 3600,
        periods: [
          { startPeriod: 0, limit: 11_000, numberPhases: 3 },
          { startPeriod: 1800, limit: 7000 },
        ],
      };
      await station('2.0.1').notifyChargingLimit({ source: 'SO', evseId: 2, gridCritical: true, schedule });
      expect(await bodies(id, 'chargingLimit')).toEqual([
        {
          source: 'CHARGING_LIMIT_SOURCE_SO',
          gridCritical: true,
          evseId: 2,
          schedules: [
            {
              id: 7,
              startSchedule: '2030-01-01T16:00:00Z',
              durationSeconds: 3600,
              rateUnit: 'CHARGING_RATE_UNIT_WATT',
              periods: [{ limit: 11_000, numberPhases: 3 }, { startPeriodSeconds: 1800, limit: 7000 }],
            },
          ],
        },
      ]);
      await station('2.0.1').clearChargingLimit('SO', 2);
      expect(await bodies(id, 'chargingLimitCleared')).toEqual([{ source: 'CHARGING_LIMIT_SOURCE_SO', evseId: 2 }]);
    });

    it('get_charging_profiles: the result names the request, the profiles follow as charging_profiles_reported', async () => {
      const profile = {
        id: 21,
        stackLevel: 1,
        purpose: ChargingProfilePurpose.TX_DEFAULT,
        kind: ChargingProfileKind.RELATIVE,
        schedule: { id: 21, rateUnit: ChargingRateUnit.AMPERE, periods: [{ limit: 20 }] },
      };
      expect(await client.send(id, { case: 'setChargingProfile', value: { evseId: 2, profile } })).toMatchObject({ status: 'accepted' });
      const outcome = await client.send(id, { case: 'getChargingProfiles', value: { evseId: 2 } });
      expect(outcome).toMatchObject({ status: 'accepted', result: { status: 'Accepted', stationStatus: 'Accepted', requestId: expect.any(Number) } });
      const requestId = String(outcome.result?.['requestId']);
      expect(await bodies(id, 'chargingProfilesReported', 1, (body) => body.requestId === requestId)).toEqual([
        {
          requestId,
          source: 'CHARGING_LIMIT_SOURCE_CSO',
          evseId: 2,
          profiles: [
            {
              id: 21,
              stackLevel: 1,
              purpose: 'CHARGING_PROFILE_PURPOSE_TX_DEFAULT',
              kind: 'CHARGING_PROFILE_KIND_RELATIVE',
              schedule: { id: 21, rateUnit: 'CHARGING_RATE_UNIT_AMPERE', periods: [{ limit: 20 }] },
            },
          ],
        },
      ]);
      const none = await client.send(id, { case: 'getChargingProfiles', value: { evseId: 2, purpose: ChargingProfilePurpose.TX } });
      expect(none).toMatchObject({ status: 'rejected', result: { status: 'NotFound', stationStatus: 'NoProfiles' } });
    });
  });

  describe('OCPP 1.6 station', () => {
    const id = ids['1.6'];

    it('get_charging_profiles is refused as invalid: 1.6 cannot list its profiles', async () => {
      const outcome = await client.send(id, { case: 'getChargingProfiles', value: {} });
      expect(outcome).toMatchObject({ status: 'invalid', errorDescription: expect.stringContaining('OCPP 1.6 has no GetChargingProfiles') });
    });

    it('a single-phase EV: the transaction names its EVSE, the meter values carry current on L1 only', async () => {
      const started = await station('1.6').startTransaction({ evseId: 2, idToken: 'TAG-1', vehicle: { phases: 1, maxCurrentA: 16 } });
      await station('1.6').sendMeterValues(2, 'Periodic');
      await station('1.6').stopTransaction(2, 'EVDisconnected');
      const transactionId = started.transactionId;
      const transactions = await bodies(id, 'transaction', 2, (body) => body.transactionId === transactionId);
      expect(transactions.map(({ phase, evseId }) => [phase, evseId])).toEqual([
        ['TRANSACTION_PHASE_STARTED', 2],
        ['TRANSACTION_PHASE_ENDED', 2],
      ]);
      const [meterValues] = await bodies(id, 'meterValues', 1, (body) => body.transactionId === transactionId);
      const currents = (meterValues?.samples as JsonObject[]).filter((sample) => sample.measurand === 'Current.Import');
      expect(currents.map(({ phase, value, unit }) => [phase, value, unit])).toEqual([['L1', 16, 'A']]);
      expect(meterValues).toMatchObject({ evseId: 2 });
    });
  });
});
