import { commandNames, operatorApiControllers } from '@app/connection';
import { PATH_METADATA } from '@nestjs/common/constants';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const MINUTE = 60_000;
const PASSWORD = 'operator-api-password-01';

type Role = 'viewer' | 'operator' | 'admin';
type Json = Record<string, unknown> & { items?: Json[] };

interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: Json;
}

const tokens: Record<Role, string> = {
  viewer: `viewer-${randomBytes(16).toString('hex')}`,
  operator: `operator-${randomBytes(16).toString('hex')}`,
  admin: `admin-${randomBytes(16).toString('hex')}`,
};

function tokenFile(dir: string): string {
  const file = path.join(dir, 'api-tokens.json');
  const entries = Object.entries(tokens).map(([role, token]) => ({ name: `e2e-${role}`, sha256: createHash('sha256').update(token).digest('hex'), roles: [role] }));
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

/**
 * The operator REST API of the connection service in distributed mode (real Kafka and
 * PostgreSQL, the service as its own process): bearer tokens with roles, stations registered and
 * listed with their live connection state, commands answered by simulated 1.6 and 2.0.1
 * stations, id tokens, transactions with energy and meter samples, and the OpenAPI document.
 */
describe('operator REST API', () => {
  const prefix = uniqueTopicPrefix('opapi');
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  let clock = Date.parse('2025-06-01T10:00:00Z');
  const stations: Record<OcppVersion, SimulatedStation | undefined> = { '1.6': undefined, '2.0.1': undefined };
  const stationIds: Record<OcppVersion, string> = { '1.6': 'API-16', '2.0.1': 'API-201' };
  /** The charging session each station had, for the export. */
  const sessions: Partial<Record<OcppVersion, { transactionId: string; startedAt: number }>> = {};

  async function call(method: string, route: string, as: Role | 'nobody' | 'forged', body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (as === 'forged') headers.authorization = `Bearer ${tokens.admin}x`;
    else if (as !== 'nobody') headers.authorization = `Bearer ${tokens[as]}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${connection.baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body: text ? (JSON.parse(text) as Json) : {} };
  }

  function station(version: OcppVersion): SimulatedStation {
    const found = stations[version];
    if (!found) throw new Error(`no ${version} station`);
    return found;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-operator-api-'));
    database = await createTestDatabase('operator_api');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'pending',
        OCPP_UNKNOWN_ID_TOKENS: 'reject',
        OCPP_BOOT_RETRY_INTERVAL_SECONDS: '1',
        API_TOKENS_FILE: tokenFile(dir),
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(async () => {
    await Promise.all(Object.values(stations).map((simulated) => simulated?.dispose()));
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('authentication and roles', () => {
    it('answers 401 problem JSON with a Bearer challenge without a token, or with one that is not configured', async () => {
      for (const as of ['nobody', 'forged'] as const) {
        const answer = await call('GET', '/api/stations', as);
        expect(answer.status).toBe(401);
        expect(answer.contentType).toMatch(/^application\/problem\+json/);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="csms"/);
        expect(answer.body).toMatchObject({ type: 'urn:csms:problem:unauthenticated', title: 'Unauthorized', status: 401, detail: expect.any(String) });
      }
    });

    it('answers 403 to a valid token that lacks the role', async () => {
      expect((await call('PUT', '/api/stations/API-X', 'operator', { securityProfile: 0 })).body).toMatchObject({ status: 403, code: 'forbidden' });
      expect((await call('POST', '/api/stations/API-X/commands/reset', 'viewer', {})).status).toBe(403);
      expect((await call('PUT', '/api/id-tokens/TAG-X', 'viewer', { status: 'Accepted' })).status).toBe(403);
      expect((await call('GET', '/api/stations', 'viewer')).status).toBe(200);
    });

    it('keeps health and metrics open', async () => {
      expect((await fetch(`${connection.baseUrl}/health/ready`)).status).toBe(200);
      const metrics = await fetch(`${connection.baseUrl}/metrics`);
      expect(metrics.status).toBe(200);
      // Regression: with no station connected yet, the gauge printed no sample at all ("no data" on dashboards).
      const connected = (await metrics.text()).split('\n').filter((line) => line.startsWith('csms_ocpp_connections{'));
      expect(connected).toHaveLength(8);
      expect(connected).toContain('csms_ocpp_connections{protocol="ocpp1.6",security_profile="1"} 0');
      expect(connected).toContain('csms_ocpp_connections{protocol="ocpp2.0.1",security_profile="1"} 0');
    });
  });

  describe('stations', () => {
    it('registers stations with a Basic password that is never returned', async () => {
      for (const id of Object.values(stationIds)) {
        const answer = await call('PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD });
        expect(answer.status).toBe(201);
        expect(answer.body).toMatchObject({ id, securityProfile: 1, hasPassword: true, registrationStatus: 'accepted', live: { connected: false } });
        expect(JSON.stringify(answer.body)).not.toContain(PASSWORD);
      }
      const update = await call('PUT', '/api/stations/API-16', 'admin', { serialNumber: 'SN-API-16' });
      expect(update).toMatchObject({ status: 200, body: { serialNumber: 'SN-API-16', hasPassword: true } });
      const [row] = await database.query<{ password_hash: string }>(`SELECT password_hash FROM connection.station WHERE id = 'API-16'`);
      expect(row?.password_hash).toMatch(/^scrypt\$/);
    });

    it('refuses invalid registrations, naming the field', async () => {
      const short = await call('PUT', '/api/stations/API-BAD', 'admin', { securityProfile: 1, password: 'too-short' });
      expect(short).toMatchObject({ status: 400, body: { code: 'invalid-request', detail: expect.stringMatching(/^body\.password: /) } });
      expect((await call('PUT', '/api/stations/API-BAD', 'admin', { securityProfile: 1 })).body).toMatchObject({ status: 422, code: 'credentials-missing' });
      expect((await call('PUT', '/api/stations/API-BAD', 'admin', { securityProfile: 9, colour: 'red' })).body.errors).toEqual([
        { field: 'body.securityProfile', message: expect.any(String) },
        { field: 'body.colour', message: 'unknown field' },
      ]);
      expect((await call('GET', '/api/stations/API-BAD', 'viewer')).status).toBe(404);
    });

    it('lets the registered stations connect with Basic auth, in both versions', async () => {
      for (const version of ['1.6', '2.0.1'] as const) {
        const simulated = new SimulatedStation({
          id: stationIds[version],
          version,
          connection: { url: wsUrl, securityProfile: 1, password: PASSWORD },
          identity: { vendor: 'Acme', model: 'AC-22', serialNumber: `SN-${stationIds[version]}` },
          resetBehaviour: 'acknowledge',
          now: () => clock,
        });
        stations[version] = simulated;
        await simulated.connect();
        expect(await simulated.boot()).toMatchObject({ status: 'Accepted' });
        await simulated.sendStatus('Available');
      }
    });

    it('lists stations with their live connection state', async () => {
      await call('PUT', '/api/stations/API-OFF', 'admin', { securityProfile: 0 });
      const listed = await eventually(
        'both stations listed as connected',
        async () => {
          const answer = await call('GET', '/api/stations?connected=true', 'viewer');
          return answer.body.items?.length === 2 ? answer.body.items : undefined;
        },
        30_000,
        [connection],
      );
      expect(listed).toEqual([
        expect.objectContaining({ id: 'API-16', vendor: 'Acme', live: { connected: true, protocol: 'ocpp1.6', securityProfile: 1, replica: expect.any(String) } }),
        expect.objectContaining({ id: 'API-201', live: { connected: true, protocol: 'ocpp2.0.1', securityProfile: 1, replica: expect.any(String) } }),
      ]);
      const offline = await call('GET', '/api/stations?connected=false&idPrefix=API-', 'viewer');
      expect(offline.body.items?.map((item) => [item.id, item.live])).toEqual([['API-OFF', { connected: false, protocol: null, securityProfile: null, replica: null }]]);
    });

    it('pages through stations with a cursor', async () => {
      const first = await call('GET', '/api/stations?idPrefix=API-&limit=2', 'viewer');
      expect(first.body.items?.map((item) => item.id)).toEqual(['API-16', 'API-201']);
      const second = await call('GET', `/api/stations?idPrefix=API-&limit=2&cursor=${String(first.body.nextCursor)}`, 'viewer');
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: 'API-OFF' })], nextCursor: null });
      expect((await call('GET', '/api/stations?limit=501', 'viewer')).body).toMatchObject({ status: 400, detail: expect.stringMatching(/^query\.limit: /) });
    });

    it('shows a station with the last status of its connectors', async () => {
      const detail = await call('GET', '/api/stations/API-201', 'viewer');
      expect(detail.body).toMatchObject({ id: 'API-201', model: 'AC-22', serialNumber: 'SN-API-201', connectors: [expect.objectContaining({ evseId: 1, connectorId: 1, status: 'Available' })] });
      expect((await call('GET', '/api/stations/API-16/connectors', 'viewer')).body).toEqual({ items: [expect.objectContaining({ evseId: 1, status: 'Available', ocppStatus: 'Available' })] });
    });

    it('holds an unknown station pending until an operator accepts it', async () => {
      const pending = new SimulatedStation({ id: 'API-PEND', version: '2.0.1', connection: { url: wsUrl, securityProfile: 0 }, minBootRetryMs: 500 });
      await pending.connect();
      const booted = pending.boot();
      try {
        await eventually('the station registered as pending', async () => {
          const answer = await call('GET', '/api/stations/API-PEND', 'viewer');
          return answer.body.registrationStatus === 'pending' ? true : undefined;
        });
        expect((await call('POST', '/api/stations/API-PEND/accept', 'viewer')).status).toBe(403);
        expect((await call('POST', '/api/stations/API-PEND/accept', 'operator')).body).toMatchObject({ id: 'API-PEND', registrationStatus: 'accepted' });
        expect(await booted).toMatchObject({ status: 'Accepted' });
        expect((await call('POST', '/api/stations/API-PEND/accept', 'operator')).body).toMatchObject({ status: 409, code: 'station-not-pending' });
        expect((await call('POST', '/api/stations/NOBODY/accept', 'operator')).status).toBe(404);
      } finally {
        await pending.dispose();
      }
    });
  });

  describe('commands', () => {
    it.each(['1.6', '2.0.1'] as const)('resets a %s station and returns its answer', async (version) => {
      const answer = await call('POST', `/api/stations/${stationIds[version]}/commands/reset`, 'operator', { type: 'soft' });
      expect(answer).toMatchObject({ status: 200, body: { commandId: expect.any(String), status: 'accepted', result: { status: 'Accepted' } } });
    });

    it.each([
      ['1.6', 'HeartbeatInterval'],
      ['2.0.1', 'OCPPCommCtrlr/HeartbeatInterval'],
    ] as const)('reads the configuration of a %s station', async (version, key) => {
      const answer = await call('POST', `/api/stations/${stationIds[version]}/commands/get-configuration`, 'operator', { keys: [key] });
      expect(answer.body).toMatchObject({ status: 'accepted', result: { settings: [{ key, value: '300' }] } });
    });

    it.each(['1.6', '2.0.1'] as const)('sets and clears a station-max profile on a %s station, as its composite schedule then shows', async (version) => {
      const id = stationIds[version];
      const profile = { id: 11, purpose: 'station-max', unit: 'A', periods: [{ startSeconds: 0, limit: 16 }] };
      expect((await call('POST', `/api/stations/${id}/commands/set-charging-profile`, 'operator', { evseId: 0, profile })).body).toMatchObject({ status: 'accepted' });
      const schedule = await call('POST', `/api/stations/${id}/commands/get-composite-schedule`, 'operator', { evseId: 1, durationSeconds: 3600, unit: 'A' });
      expect(schedule.body).toMatchObject({ status: 'accepted', result: { schedule: { rateUnit: 'A', periods: [expect.objectContaining({ startPeriodSeconds: 0, limit: 16 })] } } });
      expect((await call('POST', `/api/stations/${id}/commands/clear-charging-profile`, 'operator', { profileId: 11 })).body).toMatchObject({ status: 'accepted' });
      const cleared = await call('POST', `/api/stations/${id}/commands/get-composite-schedule`, 'operator', { evseId: 1, durationSeconds: 3600, unit: 'A' });
      expect(cleared.body).toMatchObject({ result: { schedule: { periods: [expect.objectContaining({ limit: 32 })] } } });
    });

    it('answers 422 for a command the station’s version cannot express', async () => {
      const answer = await call('POST', '/api/stations/API-16/commands/reset', 'operator', { type: 'hard', evseId: 1 });
      expect(answer.body).toMatchObject({ status: 422, code: 'command-not-expressible', detail: expect.stringContaining('OCPP 1.6 resets the whole station only') });
    });

    it('answers 409 at once for a station that is not connected, and 404 for one that is not registered', async () => {
      const started = Date.now();
      const offline = await call('POST', '/api/stations/API-OFF/commands/trigger-message', 'operator', { message: 'Heartbeat' });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(offline).toMatchObject({ status: 409, body: { code: 'station-not-connected', commandId: expect.any(String) } });
      expect((await call('POST', '/api/stations/NOBODY/commands/clear-cache', 'operator')).body).toMatchObject({ status: 404, code: 'station-not-found' });
    });

    it('answers 400 naming the field of a bad body, and refuses unknown fields', async () => {
      const bad = await call('POST', '/api/stations/API-201/commands/set-charging-profile', 'operator', {
        profile: { id: 1, purpose: 'station-max', unit: 'kW', periods: [{ startSeconds: 0, limit: 16 }] },
      });
      expect(bad).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/), body: { detail: expect.stringMatching(/^body\.profile\.unit: /) } });
      expect((await call('POST', '/api/stations/API-201/commands/reset', 'operator', { type: 'soft', now: true })).body).toMatchObject({ detail: 'body.now: unknown field' });
      expect((await call('POST', '/api/stations/API-201/commands/reset', 'operator', { timeoutSeconds: 301 })).body.detail).toMatch(/^body\.timeoutSeconds: /);
    });

    it('passes a raw call of the station’s own version through', async () => {
      const answer = await call('POST', '/api/stations/API-16/commands/raw', 'admin', { action: 'GetConfiguration', payload: { key: ['NumberOfConnectors'] } });
      expect(answer.body).toMatchObject({ status: 'accepted', result: { configurationKey: [expect.objectContaining({ key: 'NumberOfConnectors', value: '1' })] } });
    });
  });

  describe('id tokens and transactions', () => {
    it('registers, lists and deletes id tokens, which Authorize follows at once', async () => {
      expect((await call('PUT', '/api/id-tokens/TAG-API', 'operator', { status: 'Accepted', expiresAt: '2030-01-01T00:00:00Z' })).status).toBe(201);
      expect((await call('PUT', '/api/id-tokens/TAG-GONE', 'operator', { status: 'Accepted' })).status).toBe(201);
      expect((await call('PUT', '/api/id-tokens/tag-gone', 'operator', { status: 'Blocked', type: 'ISO14443' })).body).toMatchObject({ value: 'TAG-GONE', status: 'Blocked' });
      const listed = await call('GET', '/api/id-tokens?prefix=tag-', 'viewer');
      expect(listed.body.items?.map((token) => [token.value, token.status])).toEqual([
        ['TAG-API', 'Accepted'],
        ['TAG-GONE', 'Blocked'],
      ]);
      expect(await station('2.0.1').authorize('TAG-GONE')).toBe('Blocked');
      expect((await call('DELETE', '/api/id-tokens/TAG-GONE', 'operator')).status).toBe(204);
      expect(await station('2.0.1').authorize('TAG-GONE')).toBe('Invalid');
      expect((await call('DELETE', '/api/id-tokens/TAG-GONE', 'operator')).status).toBe(404);
    });

    it.each(['1.6', '2.0.1'] as const)('shows a charging session of a %s station with its energy and meter samples, the same in the list as in the detail', async (version) => {
      const simulated = station(version);
      const stationId = stationIds[version];
      expect(await simulated.authorize('TAG-API')).toBe('Accepted');
      const startedAt = clock;
      const started = await simulated.startTransaction({ evseId: 1, idToken: 'TAG-API' });
      const transactionId = started.transactionId ?? '';
      sessions[version] = { transactionId, startedAt };
      for (let update = 0; update < 2; update += 1) {
        clock += 15 * MINUTE;
        await simulated.sendMeterValues(1, 'Periodic');
      }
      const chargingState = version === '2.0.1' ? 'Charging' : null;
      const active = await call('GET', `/api/transactions?stationId=${stationId}&active=true`, 'viewer');
      const activeDetail = await call('GET', `/api/transactions/${transactionId}?stationId=${stationId}`, 'viewer');
      expect(active.body.items).toEqual([expect.objectContaining({ transactionId, state: 'active', chargingState })]);
      expect(activeDetail.body).toMatchObject({ state: 'active', chargingState });
      // Regression: the list showed 0 Wh for an active 1.6 transaction while its detail read the meter samples.
      expect(Number(activeDetail.body.energyWh)).toBeGreaterThan(10_000);
      expect(active.body.items?.[0]?.energyWh).toBe(activeDetail.body.energyWh);

      clock += 15 * MINUTE;
      await simulated.stopTransaction(1, 'Local');
      const ended = await call('GET', `/api/transactions?stationId=${stationId}&active=false`, 'viewer');
      // Regression: an ended 2.0.1 transaction kept chargingState Charging; its Ended event reports none.
      expect(ended.body.items).toEqual([expect.objectContaining({ transactionId, state: 'ended', idToken: 'TAG-API', evseId: 1, chargingState: null })]);
      const detail = await call('GET', `/api/transactions/${transactionId}?stationId=${stationId}`, 'viewer');
      // 22 kW (32 A on three phases) for 45 minutes.
      expect(detail.body).toMatchObject({ stationId, transactionId, state: 'ended', chargingState: null, energyWh: expect.any(Number), meterSampleCount: expect.any(Number) });
      expect(Number(detail.body.energyWh)).toBeGreaterThan(15_000);
      expect(ended.body.items?.[0]?.energyWh).toBe(detail.body.energyWh);
      expect(detail.body.meterSamples).toEqual(expect.arrayContaining([expect.objectContaining({ measurand: 'Energy.Active.Import.Register', unit: 'Wh' })]));
      expect(detail.body.meterSamples).toEqual(expect.arrayContaining([expect.objectContaining({ measurand: 'Power.Active.Import', unit: 'W' })]));
    });

    it('filters transactions by time and answers 404 for an unknown one', async () => {
      const inJune = await call('GET', '/api/transactions?from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z', 'viewer');
      expect(inJune.body.items?.map((item) => item.stationId).sort()).toEqual(['API-16', 'API-201']);
      expect((await call('GET', '/api/transactions?from=2026-01-01T00:00:00Z', 'viewer')).body.items).toEqual([]);
      expect((await call('GET', '/api/transactions/does-not-exist', 'viewer')).body).toMatchObject({ status: 404, code: 'transaction-not-found' });
    });
  });

  describe('charge detail record export', () => {
    const header = 'stationId,transactionId,evseId,connectorId,idToken,idTokenType,startedAt,stoppedAt,durationSeconds,meterStartWh,meterStopWh,energyWh,stoppedReason';

    async function download(query: string): Promise<{ status: number; headers: Headers; text: string }> {
      const response = await fetch(`${connection.baseUrl}/api/transactions/export?${query}`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
      return { status: response.status, headers: response.headers, text: await response.text() };
    }

    it.each(['1.6', '2.0.1'] as const)('exports the finished %s session as one exact record, in CSV and in JSON', async (version) => {
      const stationId = stationIds[version];
      const session = sessions[version];
      if (!session) throw new Error(`no ${version} session`);
      const { transactionId, startedAt } = session;
      const detail = (await call('GET', `/api/transactions/${transactionId}?stationId=${stationId}`, 'viewer')).body;
      const [start, stop] = [new Date(startedAt).toISOString(), new Date(startedAt + 45 * MINUTE).toISOString()];
      const [meterStart, meterStop, energy] = [Number(detail.meterStartWh), Number(detail.meterStopWh), Number(detail.energyWh)];
      expect(energy).toBeCloseTo(meterStop - meterStart, 6);
      const idTokenType = version === '1.6' ? 'IdTag' : 'ISO14443';

      const csv = await download(`format=csv&stationId=${stationId}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="charge-detail-records-\d{8}T\d{6}Z\.csv"$/);
      expect(csv.text).toBe(`${header}\r\n${stationId},${transactionId},1,1,TAG-API,${idTokenType},${start},${stop},2700,${meterStart},${meterStop},${energy},Local\r\n`);

      const json = await download(`format=json&stationId=${stationId}&from=${stop}&to=${new Date(startedAt + 46 * MINUTE).toISOString()}`);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="charge-detail-records-\d{8}T\d{6}Z\.json"$/);
      expect(JSON.parse(json.text)).toEqual([
        {
          stationId,
          transactionId,
          evseId: 1,
          connectorId: 1,
          idToken: 'TAG-API',
          idTokenType,
          startedAt: start,
          stoppedAt: stop,
          durationSeconds: 2700,
          meterStartWh: meterStart,
          meterStopWh: meterStop,
          energyWh: energy,
          stoppedReason: 'Local',
        },
      ]);
    });

    it('filters on the stop time, exports both stations without a filter, and refuses an unknown format', async () => {
      const stopped = (version: OcppVersion) => new Date((sessions[version]?.startedAt ?? 0) + 45 * MINUTE).toISOString();
      expect(JSON.parse((await download(`format=json&stationId=API-201&to=${stopped('2.0.1')}`)).text)).toEqual([]);
      const all = JSON.parse((await download('format=json')).text) as { stationId: string }[];
      expect(all.map((record) => record.stationId)).toEqual(['API-16', 'API-201']);
      expect((await download('format=xlsx')).text).toContain('query.format');
      expect((await fetch(`${connection.baseUrl}/api/transactions/export`)).status).toBe(401);
    });

    it('pages through a large export in stop order, with ties and microseconds, losing and repeating nothing', async () => {
      const count = 1203;
      await call('PUT', '/api/stations/API-BULK', 'admin', { securityProfile: 0 });
      // Three transactions share each stop time, at microsecond precision, so that page boundaries fall inside ties.
      await database.query(
        `INSERT INTO connection.transaction (station_id, transaction_id, state, started_at, stopped_at, meter_start_wh, meter_stop_wh, energy_wh, stopped_reason)
         SELECT 'API-BULK', lpad(i::text, 5, '0'), 'ended', timestamptz '2025-07-01 09:00:00.000001+00',
                timestamptz '2025-07-01 10:00:00.123456+00' + (i / 3) * interval '1 microsecond', 0, i, i, 'Local'
           FROM generate_series(1, $1::int) i`,
        [count],
      );
      const csv = await download('format=csv&stationId=API-BULK');
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe(header);
      expect(lines[lines.length - 1]).toBe('');
      const ids = lines.slice(1, -1).map((line) => line.split(',')[1]);
      expect(ids).toEqual(Array.from({ length: count }, (_, index) => String(index + 1).padStart(5, '0')));
    });
  });

  describe('HTTP edge', () => {
    const send = (route: string, body: string, headers: Record<string, string>) =>
      fetch(`${connection.baseUrl}${route}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.operator}`, ...headers }, body });

    it('answers GET /api with an index of the documentation, without a token', async () => {
      const response = await fetch(`${connection.baseUrl}/api`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        title: 'CSMS connection (OCPP gateway, stations)',
        version: '1',
        links: { self: '/api', docs: '/api/docs', openapi: '/api/docs/openapi.json', health: '/health/ready', metrics: '/metrics' },
        authentication: expect.stringContaining('Authorization: Bearer <token>'),
      });
      expect((await fetch(`${connection.baseUrl}/api/docs/openapi.json`)).status).toBe(200);
    });

    it.each([
      ['as a form, as curl -d sends it', { 'content-type': 'application/x-www-form-urlencoded' }, 'Content-Type application/x-www-form-urlencoded'],
      ['as text', { 'content-type': 'text/plain' }, 'Content-Type text/plain'],
    ])('answers 415 problem JSON to a command body sent %s', async (_case, headers, named) => {
      const response = await send('/api/stations/API-201/commands/reset', '{"type":"soft"}', headers);
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as Json;
      expect(problem).toMatchObject({ status: 415, code: 'unsupported-media-type', instance: '/api/stations/API-201/commands/reset' });
      expect(problem.detail).toContain(named);
    });

    it('answers 400 saying the body is not valid JSON when it is not', async () => {
      const response = await send('/api/stations/API-201/commands/reset', '{"type": ', { 'content-type': 'application/json' });
      expect(await response.json()).toMatchObject({ status: 400, code: 'malformed-json', detail: expect.stringMatching(/^the request body is not valid JSON: /) });
    });

    it('counts REST requests by method, route template and status in /metrics, without ids', async () => {
      expect((await call('GET', '/api/stations/API-16', 'viewer')).status).toBe(200);
      const counted = 'csms_http_requests_total{method="GET",route="/api/stations/:id",status="200"}';
      const metrics = await eventually('the request counted', async () => {
        const text = await (await fetch(`${connection.baseUrl}/metrics`)).text();
        return text.includes(counted) ? text : undefined;
      });
      expect(metrics).toContain('csms_http_requests_total{method="POST",route="/api/stations/:id/commands/reset",status="415"} 2');
      expect(metrics).toMatch(/csms_http_request_duration_seconds_count\{method="GET",route="\/api\/stations\/:id",status="200"\} \d+/);
      expect(metrics).not.toMatch(/route="[^"]*API-16/);
    });
  });

  describe('OpenAPI', () => {
    it('documents every operator endpoint with its role and the bearer-token security requirement', async () => {
      const document = (await (await fetch(`${connection.baseUrl}/api/docs/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { security?: unknown[]; 'x-required-role'?: string; summary?: string; responses?: Record<string, { content?: Record<string, unknown> }> }>>;
        components: { securitySchemes: Record<string, unknown> };
      };
      expect(document.components.securitySchemes).toHaveProperty('api-token');
      const operations = Object.entries(document.paths)
        .filter(([route]) => route.startsWith('/api/') && !route.startsWith('/api/internal/') && !route.startsWith('/api/audit/') && route !== '/api/me')
        .flatMap(([route, item]) => Object.entries(item).map(([method, operation]) => ({ route, method, operation })));
      expect(operations.length).toBe(operatorEndpointCount());
      for (const { route, method, operation } of operations) {
        expect({ route, method, security: operation.security }).toEqual({ route, method, security: [{ 'api-token': [] }, { oidc: [] }] });
        expect(['viewer', 'operator', 'security-officer', 'admin']).toContain(operation['x-required-role']);
        expect(operation.summary).toEqual(expect.any(String));
      }
      // Who the caller is, for any valid token (served once per process by libs/runtime).
      expect(document.paths['/api/me']?.get).toMatchObject({ security: [{ 'api-token': [] }, { oidc: [] }], 'x-required-role': 'any' });
      // The audit of the operator API's changes (docs/adr/038-audit-log.md) is served beside it.
      expect(document.paths['/api/audit/connection']?.get).toMatchObject({ security: [{ 'api-token': [] }, { oidc: [] }], 'x-required-role': 'admin' });
      const commands = operations.filter(({ route }) => route.startsWith('/api/stations/{id}/commands/'));
      expect(commands).toHaveLength(commandNames.length);
      for (const [route, method] of [
        ['/api/stations/{id}', 'put'],
        ['/api/id-tokens/{value}', 'put'],
        ['/api/stations/{id}/commands/reset', 'post'],
      ] as const) {
        expect(Object.keys(document.paths[route]?.[method]?.responses?.['415']?.content ?? {})).toEqual(['application/problem+json']);
      }
      const exported = document.paths['/api/transactions/export']?.get?.responses?.['200']?.content ?? {};
      expect(Object.keys(exported).sort()).toEqual(['application/json', 'text/csv']);
    });
  });
});

/** Every handler of the operator API's controllers (each is one documented operation). */
function operatorEndpointCount(): number {
  return operatorApiControllers
    .map((controller) => controller.prototype as unknown as Record<string, unknown>)
    .flatMap((prototype) => Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor').map((name) => prototype[name]))
    .filter((handler) => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined).length;
}

