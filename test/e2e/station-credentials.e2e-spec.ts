import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { TestPki } from '@test/support/test-pki';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { basicAuth, connectStation } from '@test/support/ws-station';

const SLOW = 180_000;

/** Whether anything accepts a TCP connection on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Station credentials (ADR 039), with two connection replicas as processes on real Kafka and
 * PostgreSQL: the simulator's stations connect to replica 1, the operator talks to replica 0, so
 * every provisioning and every drop crosses the command path to the replica holding the socket.
 * An accepted station without credentials gets a password and must then use it (both versions,
 * and a station that was offline at acceptance); a new password or a rejection drops the live
 * socket; and the plain ws:// listener can be switched off.
 */
describe('station credentials', () => {
  const prefix = uniqueTopicPrefix('credentials');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  const replicas: ServiceProcess[] = [];
  let wsUrl: string;
  let holderWsPort: number;

  const call = (method: string, route: string, as: Role, body?: unknown) => api.call(replicas[0]?.baseUrl ?? '', method, route, as, body);
  const station = async (stationId: string) => (await call('GET', `/api/stations/${stationId}`, 'viewer')).body;
  const until = <T>(what: string, probe: () => Promise<T | undefined>) => eventually(what, probe, 90_000, replicas);
  const simulated = (stationId: string, version: '1.6' | '2.0.1', securityProfile: 0 | 1 = 0, password?: string) => {
    const created = new SimulatedStation({ id: stationId, version, connection: { url: wsUrl, securityProfile, password }, minBootRetryMs: 500 });
    stations.push(created);
    return created;
  };
  const connectedOn = (stationId: string, securityProfile: number) =>
    until(`${stationId} connected on profile ${securityProfile}`, async () => {
      const live = (await station(stationId)).live as Json | undefined;
      return live?.connected === true && live.securityProfile === securityProfile ? live : undefined;
    });
  const disconnects = (stationId: string) =>
    until(`the disconnects of ${stationId} in its history`, async () => {
      const items = (await call('GET', `/api/stations/${stationId}/history?kind=connection`, 'viewer')).body.items ?? [];
      const closes = items.filter((item) => item.event === 'disconnected');
      return closes.length > 0 ? closes : undefined;
    });
  const refusedWithout = async (stationId: string, protocol: string, headers: Record<string, string> = {}) => {
    const outcome = await connectStation(`${wsUrl}/${stationId}`, [protocol], { headers });
    if (outcome.open) outcome.socket.close();
    return outcome.open ? 'open' : outcome.status;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-credentials-'));
    database = await createTestDatabase('station_credentials');
    const tokens = api.writeTokenFile(dir);
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    holderWsPort = ports[3] as number;
    wsUrl = `ws://127.0.0.1:${holderWsPort}/ocpp`;
    for (const index of [0, 1]) {
      replicas.push(
        startService(
          'connection',
          {
            KAFKA_BROKERS: testBrokers(),
            KAFKA_TOPIC_PREFIX: prefix,
            KAFKA_COMMAND_PARTITIONS: '2',
            CONNECTION_REPLICA_INDEX: String(index),
            DATABASE_URL: database.url,
            OCPP_WS_PORT: String(ports[index * 2 + 1]),
            OCPP_UNKNOWN_STATIONS: 'pending',
            OCPP_BOOT_RETRY_INTERVAL_SECONDS: '1',
            OCPP_CREDENTIAL_SWEEP_SECONDS: '1',
            OCPP_CREDENTIAL_RETRY_SECONDS: '1',
            API_TOKENS_FILE: tokens,
            LOG_LEVEL: 'info',
          },
          ports[index * 2] as number,
        ),
      );
      // One at a time: both run the same migrations on the same database.
      await waitUntilReady(replicas[index] as ServiceProcess, 120_000);
    }
  }, SLOW);

  afterAll(async () => {
    await Promise.all(stations.map((created) => created.dispose()));
    await Promise.all(replicas.map((replica) => replica.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['1.6', 'ocpp1.6', /^[\x21-\x7e]{20}$/],
    ['2.0.1', 'ocpp2.0.1', /^[A-Za-z0-9_-]{32}$/],
  ] as const)(
    'OCPP %s: a pending station an operator accepts gets a password, comes back with Basic auth on profile 1, and cannot connect without it',
    async (version, protocol, shape) => {
      const stationId = `CRED-${version.replaceAll('.', '')}`;
      const charger = simulated(stationId, version);
      await charger.connect();
      const firstBoot = charger.boot();
      await until('the station pending', async () => ((await station(stationId)).registrationStatus === 'pending' ? true : undefined));
      const dropped = charger.events.next('disconnected', () => true, 90_000);

      const accepted = await call('POST', `/api/stations/${stationId}/accept`, 'operator');
      expect(accepted).toMatchObject({ status: 200, body: { registrationStatus: 'accepted', securityProfile: 0, hasPassword: false, credentialProvisioning: { state: 'waiting' } } });
      expect(await firstBoot).toMatchObject({ status: 'Accepted' });
      expect(await dropped).toEqual({ code: 1012, reason: 'credentials changed: reconnect with the new ones' });
      const password = charger.basicAuthPassword.value ?? '';
      expect(password).toMatch(shape);

      const provisioned = await until('the provisioning done', async () => {
        const body = await station(stationId);
        return (body.credentialProvisioning as Json | null)?.state === 'provisioned' ? body : undefined;
      });
      expect(provisioned).toMatchObject({ securityProfile: 1, hasPassword: true, credentialProvisioning: { attempts: 1, lastOutcome: 'accepted' } });
      expect(JSON.stringify(provisioned)).not.toContain(password);

      await charger.connect();
      expect(await charger.boot()).toMatchObject({ status: 'Accepted' });
      await connectedOn(stationId, 1);
      expect(await refusedWithout(stationId, protocol)).toBe(401);
      expect(await refusedWithout(stationId, protocol, basicAuth(stationId, 'not-the-password-0000'))).toBe(401);
      expect((await disconnects(stationId))[0]).toMatchObject({ closeCode: 1012, reason: 'credentials changed: reconnect with the new ones' });
      for (const replica of replicas) {
        expect(replica.output()).not.toContain(password);
        expect(replica.output()).not.toContain(Buffer.from(password).toString('hex'));
      }
    },
    SLOW,
  );

  it(
    'gives a station that was offline at acceptance its password when it comes back, and keeps the old way to connect until then',
    async () => {
      const stationId = 'CRED-OFFLINE';
      const charger = simulated(stationId, '2.0.1');
      await charger.connect();
      const pendingBoot = charger.boot().catch(() => undefined);
      await until('the station pending', async () => ((await station(stationId)).registrationStatus === 'pending' ? true : undefined));
      await charger.disconnect();
      await pendingBoot;
      await until('the station offline', async () => (((await station(stationId)).live as Json).connected === false ? true : undefined));

      expect(await call('POST', `/api/stations/${stationId}/accept`, 'operator')).toMatchObject({ status: 200, body: { credentialProvisioning: { state: 'waiting' } } });
      expect(await call('POST', `/api/stations/${stationId}/accept`, 'operator')).toMatchObject({ status: 409, body: { code: 'station-not-pending' } });

      await charger.connect();
      const dropped = charger.events.next('disconnected', () => true, 90_000);
      expect(await charger.boot()).toMatchObject({ status: 'Accepted' });
      expect((await dropped).code).toBe(1012);
      expect(charger.basicAuthPassword.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
      await charger.connect();
      await charger.boot();
      await connectedOn(stationId, 1);
      expect(await refusedWithout(stationId, 'ocpp2.0.1')).toBe(401);
    },
    SLOW,
  );

  it(
    'drops the live socket, on the replica that holds it, when an operator sets a new password or rejects the station',
    async () => {
      const stationId = 'CRED-DROP';
      const registered = await call('PUT', `/api/stations/${stationId}`, 'admin', { securityProfile: 1, generatePassword: 'ocpp1.6' });
      expect(registered.status).toBe(201);
      const first = (registered.body.generatedPassword as { password: string }).password;
      const charger = simulated(stationId, '1.6', 1, first);
      await charger.connect();
      await charger.boot();
      await connectedOn(stationId, 1);

      const changed = charger.events.next('disconnected', () => true, 60_000);
      const chosen = 'chosen-password-0001';
      expect((await call('PUT', `/api/stations/${stationId}`, 'admin', { password: chosen })).status).toBe(200);
      expect(await changed).toEqual({ code: 1012, reason: 'credentials changed: reconnect with the new ones' });
      expect(await refusedWithout(stationId, 'ocpp1.6', basicAuth(stationId, first))).toBe(401);

      expect(charger.basicAuthPassword.setAuthorizationKey(Buffer.from(chosen).toString('hex'))).toBe(true);
      await charger.connect();
      await charger.boot();
      await connectedOn(stationId, 1);
      const rejected = charger.events.next('disconnected', () => true, 60_000);
      expect((await call('PUT', `/api/stations/${stationId}`, 'admin', { registrationStatus: 'rejected' })).status).toBe(200);
      expect(await rejected).toEqual({ code: 1008, reason: 'registration withdrawn' });

      const closes = await until('both drops in the history', async () => {
        const found = await disconnects(stationId);
        return found.length >= 2 ? found : undefined;
      });
      expect(closes.map((close) => close.closeCode)).toEqual([1008, 1012]);
    },
    SLOW,
  );
});

describe('station credentials: the plain ws:// listener switched off', () => {
  let pki: TestPki;
  let database: TestDatabase;
  const started: ServiceProcess[] = [];

  beforeAll(async () => {
    [pki, database] = await Promise.all([TestPki.create(), createTestDatabase('station_credentials_wss')]);
  });

  afterAll(async () => {
    await Promise.all(started.map((service) => service.stop('SIGKILL')));
    await database?.drop();
    if (pki) rmSync(pki.dir, { recursive: true, force: true });
  });

  it(
    'listens on wss:// only, stays ready and serves REST, and refuses to start with no listener at all',
    async () => {
      const server = await pki.issueServer('ecdsa');
      const [httpPort, wsPort, wssPort, otherPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
      const common = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('wssonly'), KAFKA_COMMAND_PARTITIONS: '1', DATABASE_URL: database.url, OCPP_WS_ENABLED: 'false', OCPP_WS_PORT: String(wsPort) };
      const refused = startService('connection', common, otherPort);
      started.push(refused);
      expect(await refused.exited).not.toBe(0);
      expect(refused.output()).toContain('OCPP_WS_ENABLED');

      const wssOnly = startService('connection', { ...common, OCPP_WSS_PORT: String(wssPort), OCPP_TLS_CERT_FILES: server.certFile, OCPP_TLS_KEY_FILES: server.keyFile }, httpPort);
      started.push(wssOnly);
      await waitUntilReady(wssOnly, 120_000);
      expect(await listening(wsPort)).toBe(false);
      expect(await listening(wssPort)).toBe(true);
      const unknown = await connectStation(`wss://127.0.0.1:${wssPort}/ocpp/NOBODY`, ['ocpp2.0.1'], { ca: readFileSync(pki.caFile) });
      expect(unknown).toMatchObject({ open: false, status: 401 });
      expect((await fetch(`${wssOnly.baseUrl}/health/live`)).status).toBe(200);
      expect((await fetch(`${wssOnly.baseUrl}/api/stations`)).status).toBe(401);
    },
    SLOW,
  );
});
