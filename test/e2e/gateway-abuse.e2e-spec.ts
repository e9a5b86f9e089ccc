import { connect as tcpConnect, type Socket } from 'node:net';
import { hashPassword } from '@app/connection';
import { freePort } from '@test/support/free-port';
import { readWholeTopic } from '@test/support/event-topic-reader';
import { testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { floodUpgrades } from '@test/support/upgrade-flood';
import { closed, connectStation } from '@test/support/ws-station';
import WebSocket, { type ClientOptions } from 'ws';

const PASSWORD = 'victim-password-0123';
const BLOCK_SECONDS = 4;
const FAILURES_PER_ADDRESS = 20;
const HANDSHAKE_TIMEOUT_SECONDS = 5;
const MESSAGES_PER_SECOND = 20;
const MESSAGE_RATE_CLOSE_SECONDS = 3;
const FLOOD_ATTEMPTS = 5000;
const FLOOD_CONCURRENCY = 32;
/** Above the flood's concurrency: the flood is refused by its failures, not by its open handshakes. */
const PENDING_PER_ADDRESS = 40;
/** Every loopback address reaches the service: each role of the test gets its own client address. */
const ATTACKER = '127.0.0.2';
const PROXY = '127.0.0.3';
const UNTRUSTED = '127.0.0.4';
const SLOW = '127.0.0.5';
const HOARDER = '127.0.0.6';

const heartbeat = (messageId: string) => JSON.stringify([2, messageId, 'Heartbeat', {}]);
const boot16 = (messageId: string) => JSON.stringify([2, messageId, 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22' }]);

/** A station that answers the CSMS's calls NotImplemented and times its own calls, one outstanding at a time. */
class TimedStation {
  private readonly waiting = new Map<string, (frame: unknown[]) => void>();
  private sequence = 0;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'test station', {}]));
      else this.waiting.get(String(frame[1]))?.(frame);
    });
  }

  /** The round trip of one CALL in milliseconds; rejects after `timeoutMs` without an answer. */
  async roundTrip(text: (messageId: string) => string, timeoutMs = 30_000): Promise<number> {
    const messageId = `m-${(this.sequence += 1)}`;
    const started = performance.now();
    const frame = await new Promise<unknown[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${messageId} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(messageId, (answer) => {
        clearTimeout(timer);
        this.waiting.delete(messageId);
        resolve(answer);
      });
      this.socket.send(text(messageId));
    });
    if (frame[0] !== 3) throw new Error(`${messageId} answered ${JSON.stringify(frame)}`);
    return performance.now() - started;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Abuse resistance of the gateway (ADR 040) against the real connection service, Kafka and
 * PostgreSQL: a flood of failed authentications from one address is refused cheaply, costs a
 * bounded number of security events and leaves the latency of connected stations alone;
 * X-Forwarded-For counts only from a trusted proxy; a slowloris handshake is dropped in time and
 * one address cannot hoard handshakes; a station above its message rate is slowed, then closed.
 */
describe('gateway abuse resistance', () => {
  const prefix = uniqueTopicPrefix('abuse');
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  let wsPort: number;
  const sockets: Array<WebSocket | Socket> = [];

  beforeAll(async () => {
    database = await createTestDatabase('gateway_abuse');
    const [httpPort, port] = await Promise.all([freePort(), freePort()]);
    wsPort = port;
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'reject',
        OCPP_CHARGING_CAPABILITIES_AFTER_BOOT: 'false',
        OCPP_TRUSTED_PROXIES: PROXY,
        OCPP_AUTH_BLOCK_SECONDS: String(BLOCK_SECONDS),
        OCPP_AUTH_FAILURES_PER_ADDRESS: String(FAILURES_PER_ADDRESS),
        OCPP_HANDSHAKE_TIMEOUT_SECONDS: String(HANDSHAKE_TIMEOUT_SECONDS),
        OCPP_MAX_PENDING_HANDSHAKES_PER_ADDRESS: String(PENDING_PER_ADDRESS),
        OCPP_MAX_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
        OCPP_MESSAGE_BURST: String(MESSAGES_PER_SECOND),
        OCPP_MESSAGE_RATE_CLOSE_SECONDS: String(MESSAGE_RATE_CLOSE_SECONDS),
      },
      httpPort,
    );
    await waitUntilReady(connection);
    const hash = await hashPassword(PASSWORD);
    await database.query(
      `INSERT INTO connection.station (id, security_profile, password_hash) VALUES
        ('VICTIM', 1, $1), ('GOOD-1', 0, NULL), ('GOOD-2', 0, NULL), ('GOOD-3', 0, NULL), ('LATE-1', 0, NULL),
        ('BEHIND-PROXY', 0, NULL), ('RATE-1', 0, NULL), ('CALM-1', 0, NULL)`,
      [hash],
    );
  });

  afterAll(async () => {
    sockets.forEach((socket) => (socket instanceof WebSocket ? socket.terminate() : socket.destroy()));
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const text = await (await fetch(`${connection.baseUrl}/metrics`)).text();
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => wanted.every((pair) => line.includes(pair)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  }

  async function open(stationId: string, options: ClientOptions = {}): Promise<WebSocket> {
    const outcome = await connectStation(`${wsUrl}/${stationId}`, ['ocpp1.6'], { handshakeTimeout: 30_000, ...options });
    if (!outcome.open) throw new Error(`${stationId} refused with ${outcome.status}: ${outcome.body}`);
    sockets.push(outcome.socket);
    return outcome.socket;
  }

  /** An upgrade's HTTP status and Retry-After; rejects if it is accepted. */
  function refusalOf(stationId: string, options: ClientOptions): Promise<{ status: number; retryAfter: string | undefined }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${wsUrl}/${stationId}`, ['ocpp1.6'], { handshakeTimeout: 30_000, ...options });
      socket.once('open', () => {
        sockets.push(socket);
        reject(new Error(`${stationId} was accepted`));
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] });
        response.resume();
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  /** Heartbeats one after the other, each `gapMs` after the last answer, until `stop` holds; their round trips. */
  async function keepSending(station: TimedStation, stop: () => boolean, gapMs = 200): Promise<number[]> {
    const latencies: number[] = [];
    while (!stop()) {
      latencies.push(await station.roundTrip(heartbeat));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return latencies;
  }

  it('refuses a flood of failed authentications from one address cheaply, with a bounded number of security events, while connected stations keep their latency', async () => {
    const stations = await Promise.all(['GOOD-1', 'GOOD-2', 'GOOD-3'].map(async (id) => new TimedStation(await open(id))));
    await Promise.all(stations.map((station) => station.roundTrip(boot16)));

    // Baseline: the same stations, the same pace, nothing else going on.
    const baselineUntil = Date.now() + 3000;
    const baseline = (await Promise.all(stations.map((station) => keepSending(station, () => Date.now() > baselineUntil)))).flat();

    let flooding = true;
    const during = Promise.all(stations.map((station) => keepSending(station, () => !flooding)));
    const { statuses, durationMs: floodMs } = await floodUpgrades({
      url: wsUrl,
      localAddress: ATTACKER,
      attempts: FLOOD_ATTEMPTS,
      concurrency: FLOOD_CONCURRENCY,
      // Wrong passwords for a real station and ids that do not exist: both are failed authentications.
      target: (i) => ({ stationId: i % 2 === 0 ? 'VICTIM' : `FLOOD-${i}`, password: 'wrong-password-0123' }),
    }).finally(() => (flooding = false));
    const underFlood = (await during).flat();

    const refused401 = statuses.get(401) ?? 0;
    const refused429 = statuses.get(429) ?? 0;
    expect(refused401 + refused429).toBe(FLOOD_ATTEMPTS);
    // Each block lets FAILURES_PER_ADDRESS tries reach authentication, one block per BLOCK_SECONDS at most.
    const episodesAtMost = Math.ceil(floodMs / 1000 / BLOCK_SECONDS) + 1;
    expect(refused401).toBeLessThanOrEqual(FAILURES_PER_ADDRESS * episodesAtMost);
    expect(await metric('csms_ocpp_turned_away_total', { reason: 'address-blocked' })).toBeGreaterThan(0);

    // Latency of the connected stations: same order as the baseline, with room for a busy machine.
    expect(underFlood.length).toBeGreaterThan(0);
    const [before, under] = [median(baseline), median(underFlood)];
    expect(under).toBeLessThanOrEqual(Math.max(5 * before, before + 250));

    // While the attacker is blocked, a station from another address connects.
    await open('LATE-1');

    // Security events: one per try that reached authentication (each such 401 raised one), one summary per block; none per refused try.
    const blocks = async () => (await metric('csms_ocpp_auth_blocks_total', { scope: 'address' })) + (await metric('csms_ocpp_auth_blocks_total', { scope: 'station' }));
    const blocksStarted = await blocks();
    expect(blocksStarted).toBeGreaterThan(0);
    const expected = refused401 + blocksStarted;
    // The summaries come as the blocks lapse (BLOCK_SECONDS after they started); then the topic is read to its end.
    const isSecurity = ({ event }: { event: { body: { case: string | undefined } } }) => event.body.case === 'securityEvent';
    const events = await readWholeTopic(testKafka(), `${prefix}ocpp.events`, (read) => read.filter(isSecurity).length >= expected, 60_000);
    const security = events.filter(isSecurity).flatMap(({ event }) => (event.body.case === 'securityEvent' ? [{ stationId: event.stationId, ...event.body.value }] : []));
    expect(security).toHaveLength(expected);
    expect(security.length).toBeLessThanOrEqual((FAILURES_PER_ADDRESS + 2) * episodesAtMost);
    const summaries = security.filter((event) => event.type === 'RepeatedFailedAuthentications');
    expect(summaries).toHaveLength(blocksStarted);
    const addressSummary = summaries.find((event) => event.techInfo.startsWith(`address ${ATTACKER} blocked for ${BLOCK_SECONDS} s after ${FAILURES_PER_ADDRESS} failed authentications`));
    expect(addressSummary).toMatchObject({ raisedByCsms: true, techInfo: expect.stringMatching(/\d+ tries refused while blocked; station ids: /) });
    expect(await blocks()).toBe(blocksStarted);
  }, 240_000);

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const client = '198.51.100.66';
    for (let i = 0; i < FAILURES_PER_ADDRESS; i += 1) {
      expect(await refusalOf(`XFF-${i}`, { localAddress: PROXY, headers: { 'x-forwarded-for': client } })).toMatchObject({ status: 401 });
    }
    // Blocked now. An untrusted sender naming that client is not believed: its own address counts.
    expect(await refusalOf('XFF-untrusted', { localAddress: UNTRUSTED, headers: { 'x-forwarded-for': client } })).toMatchObject({ status: 401 });
    expect(await refusalOf('XFF-next', { localAddress: PROXY, headers: { 'x-forwarded-for': client } })).toEqual({ status: 429, retryAfter: expect.stringMatching(/^[1-4]$/) });
    // The proxy's other clients are not the blocked one.
    await open('BEHIND-PROXY', { localAddress: PROXY, headers: { 'x-forwarded-for': '198.51.100.67' } });
  });

  it('drops a handshake that sends its headers byte by byte once the handshake time is up', async () => {
    const socket = tcpConnect({ host: '127.0.0.1', port: wsPort, localAddress: SLOW });
    sockets.push(socket);
    const request = `GET /ocpp/SLOW-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.alloc(16).toString('base64')}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n`;
    let sent = 0;
    const connected = Date.now();
    const dripping = setInterval(() => {
      if (sent < request.length && !socket.destroyed) socket.write(request.charAt((sent += 1) - 1));
    }, 200);
    const closedAfter = await new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - connected)));
    clearInterval(dripping);
    // The request was far from complete when the deadline came (about 700 bytes at 5 a second).
    expect(sent).toBeLessThan(request.length);
    expect(closedAfter).toBeGreaterThanOrEqual(HANDSHAKE_TIMEOUT_SECONDS * 1000 - 500);
    expect(await metric('csms_ocpp_turned_away_total', { reason: 'handshake-timeout' })).toBeGreaterThanOrEqual(1);
  });

  it('caps the handshakes one address holds open, and not those of others', async () => {
    const refusedBefore = await metric('csms_ocpp_turned_away_total', { reason: 'pending-handshakes' });
    const idle = await Promise.all(
      Array.from(
        { length: PENDING_PER_ADDRESS },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = tcpConnect({ host: '127.0.0.1', port: wsPort, localAddress: HOARDER }, () => resolve(socket));
            socket.once('error', reject);
            sockets.push(socket);
          }),
      ),
    );
    const sixth = tcpConnect({ host: '127.0.0.1', port: wsPort, localAddress: HOARDER });
    sockets.push(sixth);
    let answer = '';
    sixth.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise((resolve) => sixth.once('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r\n/);
    expect(answer).toMatch(/\r\nRetry-After: \d+\r\n/);
    expect(await metric('csms_ocpp_turned_away_total', { reason: 'pending-handshakes' })).toBe(refusedBefore + 1);
    await open('CALM-1');
    idle.forEach((socket) => socket.destroy());
  });

  it('slows a station that sends faster than its message rate, then closes it with 1008', async () => {
    const socket = await open('RATE-1');
    let answered = 0;
    socket.on('message', () => (answered += 1));
    const closing = closed(socket);
    const sentAt = Date.now();
    for (let i = 0; i < 400; i += 1) socket.send(heartbeat(`flood-${i}`));
    const answeredInFirstSecond = await new Promise<number>((resolve) => setTimeout(() => resolve(answered), 1000));
    const { code, reason } = await closing;
    const closedAfter = Date.now() - sentAt;

    // The burst and about one second at the rate, not the 400 sent at once.
    expect(answeredInFirstSecond).toBeLessThanOrEqual(3 * MESSAGES_PER_SECOND);
    expect(answered).toBeLessThan(400);
    expect({ code, reason }).toEqual({ code: 1008, reason: 'message rate exceeded' });
    expect(closedAfter).toBeGreaterThanOrEqual(MESSAGE_RATE_CLOSE_SECONDS * 1000 - 500);
    // Well before the 400 would have been handled at the rate (20 s), and without waiting out a stalled close handshake (30 s).
    expect(closedAfter).toBeLessThan(15_000);
    expect(await metric('csms_ocpp_message_rate_limited_total', { outcome: 'closed' })).toBe(1);
    // Every message answered beyond the burst had waited for its turn.
    expect(await metric('csms_ocpp_message_rate_limited_total', { outcome: 'held' })).toBeGreaterThanOrEqual(answered - MESSAGES_PER_SECOND);
  });
});
