import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { ProbeAbort, type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation } from '@test/support/ws-station';
import { Client } from 'pg';
import WebSocket from 'ws';

const call = (messageId: string, action: string, payload: object) => JSON.stringify([2, messageId, action, payload]);
const boot16 = { chargePointVendor: 'Acme', chargePointModel: 'AC-22' };
/** StationRepository.recordBoot's statement, and the upgrade's lookup as TypeORM writes it. */
const BOOT_WRITE = 'UPDATE "connection"."station"%SET vendor%';
const STATION_LOOKUP = '%SELECT id, security_profile, password_hash, serial_number FROM "connection"."station" WHERE id%';

/**
 * Graceful overload (ADR 033) against the real connection service and PostgreSQL, with pools of
 * one so that "saturated" is a fact the test arranges with a lock, not a race: the upgrade's
 * lookup has a pool of its own; a CALL whose write fails gets no answer (never a CALLERROR) and
 * is counted; upgrades beyond the admission limit, or that cannot get a registry connection in
 * time, are turned away with 503 + Retry-After and counted by reason.
 */
describe('gateway under overload', () => {
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  const sockets: WebSocket[] = [];
  const holders: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('gateway_overload');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('overload'),
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        DATABASE_POOL_SIZE: '1',
        DATABASE_REGISTRY_POOL_SIZE: '1',
        // Long enough that the third upgrade surely arrives while the second still waits, on a busy machine too.
        DATABASE_REGISTRY_WAIT_MS: '8000',
        OCPP_MAX_CONCURRENT_UPGRADES: '2',
        OCPP_RETRY_AFTER_SECONDS: '7',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    await database.query(`INSERT INTO connection.station (id, security_profile) VALUES ('BUSY-1', 0)`);
  });

  // A failed test must not leave its lock behind for the next one.
  afterEach(async () => {
    await Promise.all(holders.splice(0).map((holder) => holder.end().catch(() => undefined)));
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  async function open(stationId: string, handshakeTimeout = 30_000): Promise<WebSocket> {
    const outcome = await connectStation(`${wsUrl}/${stationId}`, ['ocpp1.6'], { handshakeTimeout });
    if (!outcome.open) throw new Error(`${stationId} refused with ${outcome.status}: ${outcome.body}`);
    sockets.push(outcome.socket);
    return outcome.socket;
  }

  /** Every frame the station receives, from the moment it connects: an early CALLERROR cannot slip by. */
  function framesOf(socket: WebSocket): unknown[][] {
    const frames: unknown[][] = [];
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      frames.push(frame);
      if (frame[0] === 2) socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'this test station answers no CSMS calls', {}]));
    });
    return frames;
  }

  /** A transaction of the test's own holding `lockSql` until rolled back. */
  async function holdLock(lockSql: string): Promise<Client> {
    const holder = new Client({ connectionString: database.url });
    holders.push(holder);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(lockSql);
    return holder;
  }

  /** Backends of the service waiting for a lock, running `like` (patterns specific enough that background work never matches). */
  const waitingOnLock = (like: string) =>
    database.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE $2`, [database.name, like]);

  /** An upgrade's HTTP refusal: its status and Retry-After; rejects if the upgrade succeeds. */
  function refusalOf(stationId: string): Promise<{ status: number; retryAfter: string | undefined }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${wsUrl}/${stationId}`, ['ocpp1.6'], { handshakeTimeout: 30_000 });
      socket.once('open', () => {
        sockets.push(socket);
        reject(new Error(`${stationId} was accepted`));
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] });
        response.resume();
      });
      socket.once('error', reject);
    });
  }

  async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const text = await (await fetch(`${connection.baseUrl}/metrics`)).text();
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => wanted.every((pair) => line.includes(pair)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  }

  it('connects new stations while the write pool is held, and withholds the answer of a CALL whose write fails', async () => {
    const busy = await open('BUSY-1');
    const frames = framesOf(busy);
    // The only connection of the write pool waits on this row lock with BUSY-1's BootNotification.
    const holder = await holdLock(`SELECT id FROM connection.station WHERE id = 'BUSY-1' FOR UPDATE`);
    busy.send(call('boot-1', 'BootNotification', boot16));
    await eventually('the BootNotification write waiting on the lock', async () => ((await waitingOnLock(BOOT_WRITE)).length === 1 ? true : undefined));

    // First contact of an unknown station: lookup and registration on the registry pool.
    await open('NEW-1');
    expect(await waitingOnLock(BOOT_WRITE)).toHaveLength(1);

    // The database drops the write's connection: no answer, counted, the station will retry.
    await database.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE $2`, [database.name, BOOT_WRITE]);
    await eventually('the withheld answer counted', async () => {
      if (frames.some((frame) => frame[1] === 'boot-1')) throw new ProbeAbort(`boot-1 was answered: ${JSON.stringify(frames)}`);
      return (await metric('csms_ocpp_answers_withheld_total', { action: 'BootNotification' })) >= 1 ? true : undefined;
    });
    await holder.query('ROLLBACK');

    busy.send(call('boot-2', 'BootNotification', boot16));
    const answers = () => frames.filter((frame) => frame[0] === 3 || frame[0] === 4);
    await eventually('the retried BootNotification answered', async () => (answers().length > 0 ? true : undefined));
    // CALLs are answered in order: a CALLERROR for boot-1 would have come first.
    expect(answers()[0]).toEqual([3, 'boot-2', expect.objectContaining({ status: 'Accepted' })]);
    expect(await metric('csms_ocpp_answers_withheld_total', { action: 'BootNotification', reason: 'database' })).toBe(1);
  });

  it('turns upgrades away with 503 + Retry-After past the admission limit and when the registry pool stays busy', async () => {
    // The registry pool's one connection waits on this lock with SLOW-1's lookup: one upgrade in progress.
    const holder = await holdLock('LOCK TABLE connection.station IN ACCESS EXCLUSIVE MODE');
    const slow = open('SLOW-1', 60_000);
    await eventually('the lookup waiting on the lock', async () => ((await waitingOnLock(STATION_LOOKUP)).length === 1 ? true : undefined));

    // The second upgrade waits for a registry connection (DATABASE_REGISTRY_WAIT_MS); the third finds the limit reached.
    const waiting = refusalOf('WAIT-1');
    await eventually('two upgrades in progress', async () => ((await metric('csms_ocpp_upgrades_in_progress')) === 2 ? true : undefined));
    expect(await refusalOf('OVER-1')).toEqual({ status: 503, retryAfter: '7' });
    expect(await metric('csms_ocpp_turned_away_total', { reason: 'admission-limit' })).toBe(1);

    expect(await waiting).toEqual({ status: 503, retryAfter: '7' });
    expect(await metric('csms_ocpp_turned_away_total', { reason: 'registry-busy' })).toBe(1);

    await holder.query('ROLLBACK');
    await slow;
    expect(await metric('csms_ocpp_upgrades_in_progress')).toBe(0);
  });
});
