import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const WAIT_MS = 60_000;
const SITE = 'OSCP-SITE';
const PROVIDER = 'DSO-1';
const GROUP = 'TRAFO-7';
const OSCP = '/api/oscp/fp/2.0';
const TOKEN_B = `cp-token-for-the-csms-${Date.now()}`;

/** A message our service sent to the simulated Capacity Provider. */
interface Received {
  message: string;
  authorization: string | undefined;
  body: Json;
  at: number;
}

/** The Capacity Provider's side, played by the test: a real HTTP server taking our OSCP messages (204 to each). */
class CapacityProviderServer {
  readonly received: Received[] = [];
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const message = (request.url ?? '').split('/').pop() ?? '';
        this.received.push({ message, authorization: request.headers.authorization, body: text ? (JSON.parse(text) as Json) : {}, at: Date.now() });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${port}/oscp/cp/2.0`;
  }

  of(message: string, since = 0): Received[] {
    return this.received.filter((entry) => entry.message === message && entry.at >= since);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function site(stationIds: string[]): Json {
  return {
    siteId: SITE,
    limit: { perPhaseA: [64, 64, 64] },
    children: stationIds.map((stationId) => ({
      kind: 'charger',
      stationId,
      rating: { maxA: 32, phases: 3 },
      children: [
        { kind: 'evse', evseId: 1, maxA: 32, phases: 3 },
        { kind: 'evse', evseId: 2, maxA: 32, phases: 3 },
      ],
    })),
  };
}

const block = (capacity: number, unit = 'A') => ({
  capacity,
  phase: 'ALL',
  unit,
  start_time: new Date(Date.now() - 60_000).toISOString(),
  end_time: new Date(Date.now() + 3_600_000).toISOString(),
});

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * OSCP 2.0 end to end: the test plays a grid operator's Capacity Provider over HTTP (a real server
 * taking our Register, Handshake and heartbeats, and calling our OSCP endpoints); smart charging
 * and the connection service run as their own processes on real Kafka and PostgreSQL, with
 * simulated 1.6 and 2.0.1 stations. A forecast lowers the site's limit and the stations' maximum
 * profiles follow; when the provider goes silent its fallback applies, also across a restart of
 * smart charging; when it speaks again the forecast is back.
 */
describe('smart-charging OSCP 2.0', () => {
  const api = new OperatorApiClient();
  const provider = new CapacityProviderServer();
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let smartChargingPort: number;
  let smartCharging: ServiceProcess;
  let connection: ServiceProcess;
  let tokenC = '';
  let tokenA = '';
  /** What every smart-charging process wrote (it is restarted once). */
  const outputs: (() => string)[] = [];

  /** Calls our OSCP endpoint as the provider: with its current token, another one, or none (null). */
  const oscp = async (message: string, body: unknown, token: string | null = tokenC, headers: Record<string, string> = {}) => {
    const response = await fetch(`${smartCharging.baseUrl}${OSCP}/${message}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': `${message}-${Date.now()}`, ...(token === null ? {} : { authorization: `Token ${token}` }), ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  };

  /** The limit the station's maximum profile sets now, in A per phase. */
  const stationMaxA = (station: SimulatedStation) => station.compositeSchedule(0, 60, 'A').periods[0]?.limit;

  const stationsHold = (amperes: number, what: string, timeoutMs = WAIT_MS) =>
    eventually(
      `every station's maximum profile at ${amperes} A (${what})`,
      async () => {
        const held = stations.map(stationMaxA);
        return held.every((limit) => limit !== undefined && Math.abs(limit - amperes) < 0.05) ? held : undefined;
      },
      timeoutMs,
      [smartCharging, connection],
    );

  const startSmartCharging = async () => {
    smartCharging = startService('smart-charging', { ...env, LOG_LEVEL: 'info' }, smartChargingPort);
    outputs.push(smartCharging.output);
    await waitUntilReady(smartCharging);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-oscp-'));
    database = await createTestDatabase('oscp');
    await provider.start();
    env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('oscp'), DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    const [connectionPort, wsPort] = await Promise.all([freePort(), freePort()]);
    smartChargingPort = await freePort();
    connection = startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept' }, connectionPort);
    await Promise.all([startSmartCharging(), waitUntilReady(connection)]);

    const ids: Record<OcppVersion, string> = { '1.6': 'OSCP-16', '2.0.1': 'OSCP-201' };
    expect((await api.call(smartCharging.baseUrl, 'POST', '/api/sites', 'operator', site(Object.values(ids)))).status).toBe(201);
    for (const version of ['1.6', '2.0.1'] as const) {
      const station = new SimulatedStation({ id: ids[version], version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 }, evseCount: 2 });
      stations.push(station);
      await station.connect();
      await station.boot();
    }
    // Before any forecast: 64 A on the site, each charger capped by its 32 A rating.
    await stationsHold(32, 'site limit 64 A, rating 32 A');
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.dispose()));
    await Promise.all([smartCharging, connection].map((service) => service?.stop('SIGKILL')));
    await provider.stop();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers the provider: the operator’s initial token, then OSCP Register both ways, a Handshake, and our heartbeats', async () => {
    const created = await api.call(smartCharging.baseUrl, 'POST', '/api/oscp/capacity-providers', 'admin', {
      providerId: PROVIDER,
      name: 'Grid operator north',
      heartbeatIntervalS: 2,
      groups: [{ groupId: GROUP, siteId: SITE, nodeId: SITE }],
    });
    expect(created.status).toBe(201);
    tokenA = created.body.token as string;
    expect(tokenA).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(created.body.provider)).not.toContain(tokenA);

    const registered = Date.now();
    expect(await oscp('register', { token: TOKEN_B, version_url: [{ version: '2.0', base_url: provider.baseUrl }] }, tokenA)).toEqual({ status: 204, body: {} });
    const [ours] = await eventually('our Register at the provider', async () => (provider.of('register', registered).length > 0 ? provider.of('register', registered) : undefined), WAIT_MS);
    expect(ours?.authorization).toBe(`Token ${TOKEN_B}`);
    expect(ours?.body.version_url).toEqual([{ version: '2.0', base_url: expect.stringMatching(/\/api\/oscp\/fp\/2\.0$/) as string }]);
    tokenC = ours?.body.token as string;
    expect(tokenC).not.toBe(tokenA);
    const [handshake] = await eventually('our Handshake', async () => (provider.of('handshake').length > 0 ? provider.of('handshake') : undefined), WAIT_MS);
    expect(handshake?.body).toEqual({ required_behaviour: { heartbeat_interval: 2 } });

    // The initial token stopped working; the one we gave works.
    expect((await oscp('heartbeat', { offline_mode_at: inSeconds(300) }, tokenA)).status).toBe(401);
    expect(await oscp('heartbeat', { offline_mode_at: inSeconds(300) })).toEqual({ status: 204, body: {} });

    expect(await oscp('handshake', { required_behaviour: { heartbeat_interval: 1, measurement_configuration: ['CONTINUOUS'] } })).toEqual({ status: 204, body: {} });
    const [ack] = await eventually('our HandshakeAcknowledge', async () => (provider.of('handshake_acknowledge').length > 0 ? provider.of('handshake_acknowledge') : undefined), WAIT_MS);
    expect(ack).toMatchObject({ authorization: `Token ${TOKEN_B}`, body: { required_behaviour: { heartbeat_interval: 1 } } });

    const since = Date.now();
    const beats = await eventually('two of our heartbeats', async () => (provider.of('heartbeat', since).length >= 2 ? provider.of('heartbeat', since) : undefined), WAIT_MS);
    for (const beat of beats) {
      expect(beat.authorization).toBe(`Token ${TOKEN_B}`);
      expect(Date.parse(beat.body.offline_mode_at as string)).toBeGreaterThan(beat.at);
    }
    const view = await api.call(smartCharging.baseUrl, 'GET', `/api/oscp/capacity-providers/${PROVIDER}`, 'viewer');
    expect(view.body).toMatchObject({ registered: true, hasOutboundToken: true, baseUrl: provider.baseUrl, heartbeatIntervalS: 1, liveness: { silent: false } });
    expect(JSON.stringify(view.body)).not.toContain(TOKEN_B);
  });

  it('refuses a message without a valid token (401), an unknown group and a malformed forecast (4xx naming the problem)', async () => {
    const forecast = { group_id: GROUP, type: 'CONSUMPTION', forecasted_blocks: [block(20)] };
    expect(await oscp('update_group_capacity_forecast', forecast, 'not-a-token-of-anyone')).toMatchObject({ status: 401, body: { code: 'oscp-unauthenticated' } });
    expect(await oscp('update_group_capacity_forecast', forecast, null)).toMatchObject({ status: 401, body: { detail: expect.stringContaining('Authorization: Token') as string } });
    expect(await oscp('update_group_capacity_forecast', { ...forecast, group_id: 'NOWHERE' })).toMatchObject({
      status: 404,
      body: { code: 'oscp-unknown-group', detail: expect.stringContaining('group_id NOWHERE is not a capacity group of Capacity Provider DSO-1') as string },
    });
    expect(await oscp('update_group_capacity_forecast', { ...forecast, forecasted_blocks: [{ ...block(20), unit: 'MW' }] })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'body.forecasted_blocks[0].unit', message: expect.stringContaining('unit must be one of') as string }] },
    });
    expect(await oscp('update_group_capacity_forecast', forecast, tokenC, { 'x-segment-index': '1', 'x-segment-count': '2' })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'header.X-Segment-Count', message: expect.stringContaining('segmented messages are not supported') as string }] },
    });
    expect(await oscp('heartbeat', { offline_mode_at: new Date(Date.now() - 1000).toISOString() })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'body.offline_mode_at', message: expect.stringContaining('must be in the future') as string }] },
    });
  });

  it('applies a forecast that lowers the site limit: the stations’ maximum profiles follow', async () => {
    expect(await oscp('heartbeat', { offline_mode_at: inSeconds(600) })).toEqual({ status: 204, body: {} });
    expect(await oscp('update_group_capacity_forecast', { group_id: GROUP, type: 'FALLBACK_CONSUMPTION', forecasted_blocks: [block(8)] })).toEqual({ status: 204, body: {} });
    expect(await oscp('update_group_capacity_forecast', { group_id: GROUP, type: 'CONSUMPTION', forecasted_blocks: [block(20)] })).toEqual({ status: 204, body: {} });

    const limits = await api.call(smartCharging.baseUrl, 'GET', `/api/sites/${SITE}/nodes/${SITE}/limits`, 'viewer');
    expect(limits.body.effectiveNow).toMatchObject({ perPhaseA: [20, 20, 20], boundBy: { perPhaseA: [`oscp:${PROVIDER}`, `oscp:${PROVIDER}`, `oscp:${PROVIDER}`] } });
    await stationsHold(20, 'the CONSUMPTION forecast of 20 A');
  });

  it('applies the fallback once the provider is silent, across a restart of smart charging, and the forecast again when it speaks', async () => {
    // The provider says it may be taken as offline in 4 s, and then says nothing more.
    expect(await oscp('heartbeat', { offline_mode_at: inSeconds(4) })).toEqual({ status: 204, body: {} });
    await smartCharging.stop('SIGKILL');
    await startSmartCharging();
    // The restarted service's Kafka consumers wait for the killed one's group session to expire (~30 s) before commands flow.
    await stationsHold(8, 'the FALLBACK_CONSUMPTION forecast of 8 A', 2 * WAIT_MS);
    const view = await api.call(smartCharging.baseUrl, 'GET', `/api/oscp/capacity-providers/${PROVIDER}`, 'viewer');
    expect(view.body).toMatchObject({ liveness: { silent: true }, groups: [{ groupId: GROUP, normalForecast: { type: 'CONSUMPTION' }, fallbackForecast: { type: 'FALLBACK_CONSUMPTION' } }] });

    expect(await oscp('heartbeat', { offline_mode_at: inSeconds(600) })).toEqual({ status: 204, body: {} });
    await stationsHold(20, 'the provider speaks again');
    expect((await api.call(smartCharging.baseUrl, 'GET', `/api/oscp/capacity-providers/${PROVIDER}`, 'viewer')).body).toMatchObject({ liveness: { silent: false } });
  }, 4 * WAIT_MS);

  it('applies the fallback when the provider falls silent while smart charging runs, and the forecast when it speaks again', async () => {
    expect(await oscp('heartbeat', { offline_mode_at: inSeconds(3) })).toEqual({ status: 204, body: {} });
    await stationsHold(8, 'offline_mode_at passed without a further heartbeat');
    expect(await oscp('heartbeat', { offline_mode_at: inSeconds(600) })).toEqual({ status: 204, body: {} });
    await stationsHold(20, 'the provider speaks again');
  });

  it('maps groups only onto nodes that exist, naming the one that does not', async () => {
    const answer = await api.call(smartCharging.baseUrl, 'PUT', `/api/oscp/capacity-providers/${PROVIDER}/groups`, 'operator', {
      groups: [
        { groupId: GROUP, siteId: SITE, nodeId: SITE },
        { groupId: 'TRAFO-8', siteId: SITE, nodeId: 'NO-SUCH-NODE' },
      ],
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'oscp-node-not-found', errors: [{ field: 'body.groups[1].nodeId', message: `site ${SITE} has no node NO-SUCH-NODE` }] } });
    expect((await api.call(smartCharging.baseUrl, 'PUT', `/api/oscp/capacity-providers/${PROVIDER}/groups`, 'viewer', { groups: [] })).status).toBe(403);
  });

  it('documents the OSCP endpoints with their token scheme, and the registry with its roles', async () => {
    type Operation = { security?: unknown[]; 'x-required-role'?: string; responses?: Record<string, unknown> };
    const document = (await (await fetch(`${smartCharging.baseUrl}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.components.securitySchemes['oscp-token']).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    for (const message of ['update_group_capacity_forecast', 'heartbeat', 'register', 'handshake', 'handshake_acknowledge']) {
      const operation = document.paths[`${OSCP}/${message}`]?.post;
      expect({ message, security: operation?.security }).toEqual({ message, security: [{ 'oscp-token': [] }] });
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['204', '400', '401']));
    }
    expect(document.paths['/api/oscp/capacity-providers']?.post).toMatchObject({ 'x-required-role': 'admin', security: [{ 'api-token': [] }, { oidc: [] }] });
    expect(document.paths['/api/oscp/capacity-providers/{providerId}/groups']?.put).toMatchObject({ 'x-required-role': 'operator' });
  });

  it('never logs a token, neither the ones providers present nor the one we call them with', async () => {
    const logs = outputs.map((output) => output()).join('\n');
    expect(logs).toContain('OSCP forecast applied');
    for (const token of [tokenA, tokenC, TOKEN_B]) expect(logs).not.toContain(token);
  });

  it('audits every schedule it wrote under the provider’s source', async () => {
    const audit = await api.call(smartCharging.baseUrl, 'GET', `/api/sites/${SITE}/audit?source=oscp:${PROVIDER}`, 'viewer');
    const actions = (audit.body.items ?? []).map((entry) => [entry.action, entry.actor]);
    expect(actions.length).toBeGreaterThanOrEqual(3);
    expect(actions.every(([action, actor]) => action === 'limits-replaced' && actor === `oscp:${PROVIDER}`)).toBe(true);
  });
});
