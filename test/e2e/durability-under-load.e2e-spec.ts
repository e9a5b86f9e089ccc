import { randomBytes } from 'node:crypto';
import { type StationEvent, TransactionPhase, timestampDate } from '@app/contracts';
import { SimulatedStation, StationError } from '@app/simulator';
import { brokerCommand } from '@test/support/broker-control';
import { type ReadEvent, readWholeTopic } from '@test/support/event-topic-reader';
import { freePort } from '@test/support/free-port';
import { startKafka } from '@test/support/infrastructure';
import { uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type StationReceipts, multisetDifference, recordReceipts } from '@test/support/station-receipts';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { Kafka, logLevel } from 'kafkajs';

/** Half 1.6, half 2.0.1; each sends about 1.5 messages per PACE_MS: some 550 msg/s in all when the machine keeps up. */
const STATIONS = 300;
/** Mean time between two messages of one station (each pause is 75-125 % of it). */
const PACE_MS = 800;
const METER_VALUES_PER_SESSION = 6;
const ENERGY = 'Energy.Active.Import.Register';

/**
 * Issue 12: a fleet under steady load while the broker is stopped and started again. Stations
 * get no answer to durable messages (transactions, meter values) during the outage and send
 * them again; afterwards everything a station got an answer for is in PostgreSQL and on Kafka
 * exactly once: no acknowledged event missing, no event id (nor event content) twice.
 */
describe('durability under load with a broker outage', () => {
  const prefix = uniqueTopicPrefix('durableload');
  let kafka: { brokers: string; runDir?: string };
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  const stations: SimulatedStation[] = [];
  const receipts = new Map<string, StationReceipts>();

  beforeAll(async () => {
    kafka = startKafka(`durability-load-${randomBytes(3).toString('hex')}`, { dedicated: true });
    database = await createTestDatabase('durability_load');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: kafka.brokers,
        KAFKA_TOPIC_PREFIX: prefix,
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
  });

  afterAll(async () => {
    await Promise.allSettled(stations.map((station) => station.dispose()));
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (kafka?.runDir) await brokerCommand(kafka.runDir, 'reset');
  });

  it('keeps everything the stations got an answer for, in PostgreSQL and on Kafka, exactly once', async () => {
    const runDir = kafka.runDir;
    if (!runDir) throw new Error('this test stops its broker, so it needs one of its own');
    const answered = () => [...receipts.values()].reduce((sum, station) => sum + station.meterValues.length, 0);
    const retries = () => [...receipts.values()].reduce((sum, station) => sum + station.retries, 0);
    const t0 = Date.now();
    // Where the run was when: printed at the end, and part of the message when a wait times out.
    const phases: string[] = [];
    const phase = (what: string) => phases.push(`${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s (${answered()} meter values, ${retries()} retries)`);
    for (let index = 0; index < STATIONS; index += 1) {
      const station = new SimulatedStation({
        id: `DLOAD-${String(index + 1).padStart(4, '0')}`,
        version: index % 2 === 0 ? '1.6' : '2.0.1',
        callTimeoutMs: 4000,
        transactionMessageAttempts: 1000,
        transactionMessageRetryIntervalMs: 100,
        meterIntervalS: 3600,
        connection: { url: wsUrl, securityProfile: 0 },
      });
      stations.push(station);
      receipts.set(station.id, recordReceipts(station));
    }
    const messages = () => stations.reduce((sum, station) => sum + station.counters.callsSent, 0);
    let running = true;
    let failure: unknown;
    const until = (what: string, holds: () => boolean, timeoutMs: number) =>
      eventually(
        `${what}; so far: ${phases.join(', ')}`,
        async () => {
          if (failure !== undefined) throw new ProbeAbort(`a station failed: ${String(failure)}`);
          return holds() ? true : undefined;
        },
        timeoutMs,
        [connection],
      );
    // Each station runs its sessions as soon as it is booted; at most 50 connect and boot at a time.
    const sessions: Promise<void>[] = [];
    const booted = { next: 0 };
    const bootNext = async (): Promise<void> => {
      for (let index = booted.next++; index < STATIONS; index = booted.next++) {
        const station = stations[index];
        if (!station) return;
        await station.connect();
        await station.boot();
        sessions.push(runSessions(station, receipts.get(station.id), () => running));
      }
    };
    const ramp = Promise.all(Array.from({ length: 50 }, () => bootNext()));
    ramp.catch((error: unknown) => (failure = error));
    await until('every station booted', () => sessions.length === STATIONS, 60_000);
    const fleet = Promise.all(sessions);
    fleet.catch((error: unknown) => (failure = error));
    await until('every station sending under load', () => [...receipts.values()].every((r) => r.meterValues.length >= 1), 60_000);
    phase('load steady');
    // The steady rate, measured over the next meter value of every station on average.
    const steady = { at: Date.now(), messages: messages(), answered: answered() };
    await until('a steady window', () => answered() >= steady.answered + STATIONS, 60_000);
    const steadyRate = (messages() - steady.messages) / ((Date.now() - steady.at) / 1000);

    const stoppedAt = Date.now();
    const answeredBeforeStop = answered();
    await brokerCommand(runDir, 'stop');
    // The outage lasts until the stations have felt it: many durable messages unanswered and sent again.
    await until('stations retrying unanswered messages', () => retries() >= STATIONS / 2, 60_000);
    phase('retrying');
    await brokerCommand(runDir, 'start');
    const restartedAt = Date.now();
    phase('broker back');
    const afterRestart = new Map([...receipts].map(([id, r]) => [id, r.meterValues.length]));
    await until('every station answered again after the restart', () => [...receipts].every(([id, r]) => r.meterValues.length > (afterRestart.get(id) ?? 0)), 90_000);
    phase('recovered');
    running = false;
    await fleet;
    phase('sessions ended');
    await Promise.all(stations.map((station) => station.dispose()));
    const summary =
      `${STATIONS} stations, ${Math.round(steadyRate)} msg/s steady, ${messages()} messages in all; broker down for ` +
      `${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; ${answered() - answeredBeforeStop} meter values answered since the stop`;
    const all = [...receipts.values()];

    // PostgreSQL: transactions, their ends and every answered meter value once; connectors as last reported.
    const transactions = await database.query<{ station_id: string; transaction_id: string; state: string }>(
      `SELECT station_id, transaction_id, state FROM connection.transaction`,
    );
    const acknowledgedStarts = all.flatMap((r) => [...r.starts].map((id) => `${r.stationId}|${id}`));
    const acknowledgedStops = all.flatMap((r) => [...r.stops].map((id) => `${r.stationId}|${id}`));
    expect(multisetDifference(acknowledgedStarts, transactions.map((t) => `${t.station_id}|${t.transaction_id}`))).toEqual({ missing: 0, extra: 0, examples: [] });
    expect(
      multisetDifference(
        acknowledgedStops,
        transactions.filter((t) => t.state === 'ended').map((t) => `${t.station_id}|${t.transaction_id}`),
      ),
    ).toEqual({ missing: 0, extra: 0, examples: [] });
    const samples = await database.query<{ station_id: string; transaction_id: string | null; sampled_at: Date }>(
      `SELECT station_id, transaction_id, sampled_at FROM connection.meter_sample WHERE measurand = $1 AND context = 'Trigger' AND phase = ''`,
      [ENERGY],
    );
    const acknowledgedMeterValues = all.flatMap((r) => r.meterValues.map((key) => `${r.stationId}|${key}`));
    const storedMeterValues = samples.map((s) => `${s.station_id}|${s.transaction_id ?? ''}|${new Date(s.sampled_at).toISOString()}`);
    expect(multisetDifference(acknowledgedMeterValues, storedMeterValues)).toEqual({ missing: 0, extra: 0, examples: [] });
    const connectors = await database.query<{ station_id: string; status: string }>(`SELECT station_id, status FROM connection.connector WHERE evse_id = 1`);
    expect(multisetDifference(stations.map((s) => `${s.id}|Available`), connectors.map((c) => `${c.station_id}|${c.status}`))).toEqual({
      missing: 0,
      extra: 0,
      examples: [],
    });

    // Kafka: every answered message's event once; no event id and no event content twice.
    const client = new Kafka({ clientId: 'csms-e2e', brokers: kafka.brokers.split(','), logLevel: logLevel.NOTHING });
    const onTopic = (read: ReadEvent[]) => census(read.map((r) => r.event));
    const expectedMeterValues = acknowledgedMeterValues.length;
    const answeredStatuses = all.reduce((sum, r) => sum + r.statuses, 0);
    const read = await readWholeTopic(
      client,
      `${prefix}ocpp.events`,
      (events) => {
        const seen = onTopic(events);
        // Status events leave after their answer (in the background), so the last ones may still be on their way.
        return seen.meterValues.length >= expectedMeterValues && seen.ends.length >= acknowledgedStops.length && seen.statuses.length >= answeredStatuses;
      },
      60_000,
    );
    const seen = onTopic(read);
    const twice = (keys: string[]) => multisetDifference([...new Set(keys)], keys);
    expect({ eventIds: twice(seen.eventIds), contents: twice(seen.contents) }).toEqual({
      eventIds: { missing: 0, extra: 0, examples: [] },
      contents: { missing: 0, extra: 0, examples: [] },
    });
    expect(multisetDifference(acknowledgedStarts, seen.starts)).toEqual({ missing: 0, extra: 0, examples: [] });
    expect(multisetDifference(acknowledgedStops, seen.ends)).toEqual({ missing: 0, extra: 0, examples: [] });
    expect(multisetDifference(acknowledgedMeterValues, seen.meterValues)).toEqual({ missing: 0, extra: 0, examples: [] });
    // A StatusNotification is answered before its event is durable (DESIGN: only transaction and meter messages wait for
    // Kafka), but a produce request that failed is sent again unchanged until the broker takes it (ADR 035): while the
    // process lives, an answered status reaches Kafka once, however long the outage.
    const statusesOnTopic = new Map<string, number>();
    for (const stationId of seen.statuses) statusesOnTopic.set(stationId, (statusesOnTopic.get(stationId) ?? 0) + 1);
    expect(all.filter((r) => (statusesOnTopic.get(r.stationId) ?? 0) > r.statusesSent).map((r) => r.stationId)).toEqual([]);
    const statusesLost = all.reduce((sum, r) => sum + Math.max(0, r.statuses - (statusesOnTopic.get(r.stationId) ?? 0)), 0);
    phase('checked');
    console.info(`durability under load: ${summary}; answered statuses not on Kafka: ${statusesLost}\n${phases.join('\n')}`);
    expect(statusesLost).toBe(0);
  }, 240_000);
});

/** Sessions back to back (start, meter values with heartbeats between, stop) until `running` turns false; each ends stopped. */
async function runSessions(station: SimulatedStation, receipts: StationReceipts | undefined, running: () => boolean): Promise<void> {
  if (!receipts) throw new Error(`no receipts for ${station.id}`);
  // The load's rate, not a wait for something: a station sends a message about every PACE_MS.
  const pace = () => new Promise((resolve) => setTimeout(resolve, PACE_MS * (0.75 + Math.random() / 2)));
  await pace();
  while (running()) {
    await station.startTransaction({ evseId: 1, idToken: `TAG-${station.id}` }).catch(unlessOnlyStatusLate);
    // Set only once the start was answered (a start that failed leaves the EVSE idle).
    const transactionId = station.transactionIdOn(1);
    if (transactionId === undefined) continue;
    receipts.starts.add(transactionId);
    for (let sent = 0; sent < METER_VALUES_PER_SESSION && running(); sent += 1) {
      await pace();
      await station.sendMeterValues(1, 'Trigger');
      if (sent % 3 === 2) await station.heartbeat();
    }
    if (running()) await pace();
    await station.stopTransaction(1).catch(unlessOnlyStatusLate);
    receipts.stops.add(transactionId);
    if (running()) await pace();
  }
  // The last status must have been answered, so that the stored one is known: Available.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await station.sendStatus('Available', 1);
    } catch (error) {
      if (attempt >= 5) throw error;
      unlessOnlyStatusLate(error);
    }
  }
}

/**
 * A StatusNotification is answered without waiting for Kafka, but on a busy machine its answer may
 * still come after the station's call timeout; the station then simply carries on (its receipts
 * count only answered ones). Transaction messages are sent until answered, so any other failure
 * (a transaction message refused, the connection lost) fails the test.
 */
function unlessOnlyStatusLate(error: unknown): void {
  if (error instanceof StationError && error.message === 'StatusNotification failed: timeout') return;
  throw error;
}

interface Census {
  eventIds: string[];
  /** What each event says, to find the same message published under two ids. */
  contents: string[];
  starts: string[];
  ends: string[];
  /** `station|transaction|time` of every energy register sample a station sent on demand (context Trigger). */
  meterValues: string[];
  /** One station id per status event. */
  statuses: string[];
}

const iso = (stamp: Parameters<typeof timestampDate>[0] | undefined) => (stamp ? timestampDate(stamp).toISOString() : '');

/** The events of the test's stations, keyed as the receipts are. */
function census(events: StationEvent[]): Census {
  const result: Census = { eventIds: [], contents: [], starts: [], ends: [], meterValues: [], statuses: [] };
  for (const event of events) {
    const { stationId, body } = event;
    if (!stationId.startsWith('DLOAD-')) continue;
    result.eventIds.push(event.eventId);
    if (body.case === 'transaction') {
      const { transactionId, phase, seqNo } = body.value;
      result.contents.push(`${stationId}|transaction|${transactionId}|${phase}|${seqNo}`);
      if (phase === TransactionPhase.STARTED) result.starts.push(`${stationId}|${transactionId}`);
      if (phase === TransactionPhase.ENDED) result.ends.push(`${stationId}|${transactionId}`);
    } else if (body.case === 'meterValues') {
      const { transactionId, evseId, samples } = body.value;
      result.contents.push(`${stationId}|meterValues|${transactionId}|${evseId}|${iso(samples[0]?.at)}|${samples[0]?.context ?? ''}`);
      for (const sample of samples) {
        if (sample.measurand === ENERGY && sample.context === 'Trigger' && sample.phase === '') result.meterValues.push(`${stationId}|${transactionId}|${iso(sample.at)}`);
      }
    } else if (body.case === 'status') {
      const { evseId, connectorId, ocppStatus, statusAt } = body.value;
      result.contents.push(`${stationId}|status|${evseId}|${connectorId}|${ocppStatus}|${iso(statusAt)}`);
      result.statuses.push(stationId);
    } else {
      result.contents.push(`${stationId}|${body.case ?? 'none'}|${event.eventId}`);
    }
  }
  return result;
}
