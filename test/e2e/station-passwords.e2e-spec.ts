import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { basicAuth, connectStation } from '@test/support/ws-station';

/**
 * Passwords the CSMS generates (ADR 032), with the connection service as a process (real Kafka and
 * PostgreSQL) and the simulator's stations on security profile 1: an operator registers a station
 * asking for a generated password and gets it once; the station connects with it; an admin rotates
 * it; the station connects with the new one and the old one is refused; the history shows neither.
 */
describe('generated station passwords', () => {
  const prefix = uniqueTopicPrefix('stationpw');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-station-passwords-'));
    database = await createTestDatabase('station_passwords');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_COMMAND_PARTITIONS: '1',
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'reject',
        API_TOKENS_FILE: api.writeTokenFile(dir),
        LOG_LEVEL: 'info',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.dispose()));
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const isRefused = async (stationId: string, password: string, protocol: string) => {
    const outcome = await connectStation(`${wsUrl}/${stationId}`, [protocol], { headers: basicAuth(stationId, password) });
    if (outcome.open) outcome.socket.close();
    return !outcome.open && outcome.status === 401;
  };

  const connectedOver = (stationId: string, protocol: string) =>
    eventually(
      `${stationId} connected over ${protocol}`,
      async () => {
        const live = (await call('GET', `/api/stations/${stationId}`, 'viewer')).body.live as Json | undefined;
        return live?.connected === true && live.protocol === protocol ? live : undefined;
      },
      60_000,
      [connection],
    );

  it.each([
    ['1.6', 'ocpp1.6', /^[\x21-\x7e]{20}$/],
    ['2.0.1', 'ocpp2.0.1', /^[A-Za-z0-9_-]{32}$/],
  ] as const)('OCPP %s: register with a generated password, connect, rotate, reconnect with the new one', async (version, protocol, shape) => {
    const stationId = `PW-${version.replaceAll('.', '')}`;
    const registered = await call('PUT', `/api/stations/${stationId}`, 'admin', { securityProfile: 1, generatePassword: protocol });
    expect(registered.status).toBe(201);
    const generated = registered.body.generatedPassword as { password: string; authorizationKey?: string };
    expect(generated.password).toMatch(shape);
    expect(generated.authorizationKey).toBe(version === '1.6' ? Buffer.from(generated.password).toString('hex') : undefined);
    const read = await call('GET', `/api/stations/${stationId}`, 'admin');
    expect(read.body).toMatchObject({ hasPassword: true });
    expect(JSON.stringify(read.body)).not.toContain(generated.password);

    const station = new SimulatedStation({ id: stationId, version, connection: { url: wsUrl, securityProfile: 1, password: generated.password } });
    stations.push(station);
    await station.connect();
    await station.boot();
    await connectedOver(stationId, protocol);

    expect((await call('POST', `/api/stations/${stationId}/rotate-password`, 'operator')).status).toBe(403);
    const rotation = await call('POST', `/api/stations/${stationId}/rotate-password`, 'admin');
    expect(rotation).toMatchObject({ status: 200, body: { rotated: true } });
    const rotated = station.basicAuthPassword.value ?? '';
    expect(rotated).toMatch(shape);
    expect(rotated).not.toBe(generated.password);
    expect(JSON.stringify(rotation.body)).not.toContain(rotated);

    await station.reconnect();
    await station.boot();
    expect(await isRefused(stationId, generated.password, protocol)).toBe(true);

    // The history is written in batches, in the background.
    const history = await eventually(
      'the rotation in the command history',
      async () => {
        const answer = await call('GET', `/api/commands/${String(rotation.body.commandId)}`, 'viewer');
        return answer.status === 200 ? answer.body : undefined;
      },
      30_000,
      [connection],
    );
    expect(history).toMatchObject({ actor: 'e2e-admin' });
    const recorded = JSON.stringify(history);
    expect(recorded).toContain('[redacted]');
    expect(recorded).not.toContain(rotated);
    expect(recorded).not.toContain(Buffer.from(rotated).toString('hex'));
    expect(connection.output()).not.toContain(rotated);
    expect(connection.output()).not.toContain(generated.password);
  });

  it('refuses a registration with both a password and a password to generate, and a rotation of a station that is not connected', async () => {
    const both = await call('PUT', '/api/stations/PW-BOTH', 'admin', { password: 'station-password-0123', generatePassword: 'ocpp2.0.1' });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('generatePassword');
    expect((await call('PUT', '/api/stations/PW-IDLE', 'admin', { generatePassword: 'ocpp2.0.1' })).status).toBe(201);
    expect((await call('POST', '/api/stations/PW-IDLE/rotate-password', 'admin')).status).toBe(409);
    expect((await call('POST', '/api/stations/PW-NONE/rotate-password', 'admin')).status).toBe(404);
  });
});
