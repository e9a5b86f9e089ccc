import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { StationEventSchema, fromBinary } from '@test/support/contracts';
import { freePort } from '@test/support/free-port';
import { readUntil, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { repoRoot } from '@test/support/repo-root';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange, nextAnswer } from '@test/support/ws-station';
import { Kafka, logLevel } from 'kafkajs';
import type WebSocket from 'ws';

/** This file stops and restarts its broker, so it runs its own rather than the shared one. */
const RUN_DIR = path.join(repoRoot(), '.cache/kafka', `station-core-durability-${randomBytes(3).toString('hex')}`);

function broker(command: 'start' | 'stop' | 'reset'): string {
  const env: NodeJS.ProcessEnv = { ...process.env, KAFKA_RUN_DIR: RUN_DIR };
  delete env.KAFKA_PORT;
  return execFileSync('bash', [path.join(repoRoot(), 'tools/kafka/kafka-broker.sh'), command], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 300_000,
  }).toString();
}

/** The CSMS's answer to a CALL, or undefined when none comes within `ms`. */
function answerWithin(socket: WebSocket, text: string, ms: number): Promise<unknown[] | undefined> {
  const answer = nextAnswer(socket, ms);
  socket.send(text);
  return answer;
}

const call = (messageId: string, action: string, payload: object) => JSON.stringify([2, messageId, action, payload]);

/**
 * Acknowledge after durability: while Kafka is down a transaction message gets no answer at all;
 * the station's retry after the broker is back gets the answer, and nothing is stored or
 * published twice under different ids.
 */
describe('station core: no answer while Kafka is down', () => {
  const prefix = uniqueTopicPrefix('coredurable');
  let brokers: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let socket16: WebSocket;
  let socket201: WebSocket;

  beforeAll(async () => {
    brokers = /^KAFKA_BROKERS=(.+)$/m.exec(broker('start'))?.[1] ?? '';
    database = await createTestDatabase('station_core_durability');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    connection = startService(
      'connection',
      { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, OCPP_WS_PORT: String(wsPort), OCPP_DURABLE_ACK_TIMEOUT_MS: '1500' },
      httpPort,
    );
    await waitUntilReady(connection);
    await database.query(`INSERT INTO connection.station (id, security_profile) VALUES ('DURABLE-16', 0), ('DURABLE-201', 0)`);
    const open = async (stationId: string, protocol: string) => {
      const outcome = await connectStation(`ws://127.0.0.1:${wsPort}/ocpp/${stationId}`, [protocol]);
      if (!outcome.open) throw new Error(`${stationId} refused with ${outcome.status}`);
      return outcome.socket;
    };
    socket16 = await open('DURABLE-16', 'ocpp1.6');
    socket201 = await open('DURABLE-201', 'ocpp2.0.1');
    await exchange(socket16, call('b', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22' }));
    await exchange(socket201, call('b', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'AC-22' } }));
  });

  afterAll(async () => {
    socket16?.close();
    socket201?.close();
    await connection?.stop('SIGKILL');
    await database?.drop();
    broker('reset');
  });

  const start16 = { connectorId: 1, idTag: 'TAG-D', meterStart: 100, timestamp: '2025-06-01T10:00:00Z' };
  const started201 = {
    eventType: 'Started',
    seqNo: 0,
    timestamp: '2025-06-01T10:00:00Z',
    triggerReason: 'Authorized',
    transactionInfo: { transactionId: 'tx-durable' },
    evse: { id: 1, connectorId: 1 },
    idToken: { idToken: 'TAG-D', type: 'ISO14443' },
    meterValue: [{ timestamp: '2025-06-01T10:00:00Z', sampledValue: [{ value: 100, context: 'Transaction.Begin' }] }],
  };

  /** Sends the CALL again, as a station does, until the CSMS answers. */
  async function retryUntilAnswered(socket: WebSocket, action: string, payload: object): Promise<unknown[]> {
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const answer = await answerWithin(socket, call(`retry-${attempt}`, action, payload), 3000);
      if (answer) return answer;
    }
    throw new Error(`${action} was never answered`);
  }

  it('withholds the answers while the broker is down, and answers the retries once it is back', async () => {
    broker('stop');
    expect(await answerWithin(socket16, call('s1', 'StartTransaction', start16), 4000)).toBeUndefined();
    expect(await answerWithin(socket201, call('t1', 'TransactionEvent', started201), 4000)).toBeUndefined();
    // The database write went through; only the acknowledgement waited for Kafka.
    // Unknown id tokens are Invalid by default in distributed mode; the answer only has to be the first attempt's.
    const [stored] = await database.query<{ transaction_id: string }>(`SELECT transaction_id FROM connection.transaction WHERE station_id = 'DURABLE-16'`);

    broker('start');
    const answer16 = await retryUntilAnswered(socket16, 'StartTransaction', start16);
    expect(answer16[2]).toEqual({ idTagInfo: { status: 'Invalid' }, transactionId: Number(stored?.transaction_id) });
    const answer201 = await retryUntilAnswered(socket201, 'TransactionEvent', started201);
    expect(answer201[2]).toEqual({ idTokenInfo: { status: 'Invalid' } });

    expect(
      await database.query(`SELECT station_id, count(*)::int AS events FROM connection.transaction_event GROUP BY station_id ORDER BY station_id`),
    ).toEqual([
      { station_id: 'DURABLE-16', events: 1 },
      { station_id: 'DURABLE-201', events: 1 },
    ]);
    expect(await database.query(`SELECT count(*)::int AS samples FROM connection.meter_sample WHERE station_id = 'DURABLE-201'`)).toEqual([{ samples: 1 }]);
  });

  it('published every attempt that reached Kafka under one event id per message', async () => {
    const kafka = new Kafka({ clientId: 'csms-e2e', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const transactionEvents = (messages: { value: Buffer | null }[]) =>
      messages
        .map((message) => (message.value ? fromBinary(StationEventSchema, message.value) : undefined))
        .filter((event) => event?.body.case === 'transaction');
    const messages = await readUntil(kafka, `${prefix}ocpp.events`, (seen) => new Set(transactionEvents(seen).map((event) => event?.stationId)).size === 2);
    const idsByStation = new Map<string, Set<string>>();
    for (const event of transactionEvents(messages)) {
      if (!event) continue;
      idsByStation.set(event.stationId, (idsByStation.get(event.stationId) ?? new Set()).add(event.eventId));
    }
    expect([...idsByStation].map(([stationId, ids]) => [stationId, ids.size]).sort()).toEqual([
      ['DURABLE-16', 1],
      ['DURABLE-201', 1],
    ]);
  });
});
