import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateResponse } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { tearDown } from '@test/support/e2e-teardown';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import type { RawData, WebSocket } from 'ws';

/** The next CALL of `action` the CSMS sends on a raw socket; other CALLs are answered NotImplemented. */
function nextCall(socket: WebSocket, action: string, timeoutMs = 30_000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: RawData) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] !== 2) return;
      if (frame[2] !== action) {
        socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'this test station answers no other CSMS calls', {}]));
        return;
      }
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(frame);
    };
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error(`no ${action} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('message', onMessage);
  });
}

/**
 * The device model (issue 11): NotifyReport parts from a raw socket, a simulated 2.0.1 station's
 * whole model through GetBaseReport, variables set through REST, and a 1.6 station's configuration
 * keys in the same store. One connection service on real Kafka and PostgreSQL.
 */
describe('device model', () => {
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;
  let rawStation: WebSocket;
  const sockets: WebSocket[] = [];
  const stations: SimulatedStation[] = [];

  const call = (method: string, route: string, as: Role | 'nobody' = 'viewer', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  /** Every item of the station's device model matching `query`, through all pages. */
  async function deviceModel(stationId: string, query = ''): Promise<Json[]> {
    const items: Json[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await call('GET', `/api/stations/${stationId}/device-model?limit=25${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      items.push(...(page.body.items ?? []));
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  const connected = (stationId: string) =>
    eventually(`${stationId} connected`, async () => ((await call('GET', `/api/stations/${stationId}`)).body.live as Json | undefined)?.connected === true || undefined, 60_000, [connection]);

  async function simulated(stationId: string, version: '1.6' | '2.0.1'): Promise<SimulatedStation> {
    const station = new SimulatedStation({ id: stationId, version, evseCount: 2, connection: { url: wsUrl, securityProfile: 0 }, identity: { vendor: 'Acme', model: 'DM-1' } });
    stations.push(station);
    await station.connect();
    expect(await station.boot()).toMatchObject({ status: 'Accepted' });
    await connected(stationId);
    return station;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-device-model-'));
    database = await createTestDatabase('device_model');
    const wsPort = await freePort();
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('devmodel'),
        DATABASE_URL: database.url,
        API_TOKENS_FILE: api.writeTokenFile(dir),
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        // The raw-socket station answers only the calls a test expects: no capability discovery after its boot.
        OCPP_CHARGING_CAPABILITIES_AFTER_BOOT: 'false',
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await waitUntilReady(connection, 90_000);
  });

  afterAll(() => tearDown({ sockets, stations, services: [connection], database, dir }));

  it('stores a NotifyReport sent in parts out of order and twice, answering each part {} after storing it', async () => {
    const opened = await connectStation(`${wsUrl}/DM-RAW`, ['ocpp2.0.1']);
    if (!opened.open) throw new Error(`DM-RAW refused with ${opened.status}`);
    sockets.push(opened.socket);
    rawStation = opened.socket;
    const boot = [2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'DC-50' } }];
    expect(await exchange(opened.socket, JSON.stringify(boot))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    const part = (seqNo: number, tbc: boolean, reportData: object[]) => ({ requestId: 4242, generatedAt: '2025-06-01T10:00:00Z', seqNo, tbc, reportData });
    const heartbeat = {
      component: { name: 'OCPPCommCtrlr' },
      variable: { name: 'HeartbeatInterval' },
      variableAttribute: [{ value: '300', mutability: 'ReadWrite', persistent: true }],
      variableCharacteristics: { unit: 's', dataType: 'integer', minLimit: 1, supportsMonitoring: true },
    };
    const power = {
      component: { name: 'EVSE', evse: { id: 1 } },
      variable: { name: 'Power' },
      variableAttribute: [
        { type: 'Actual', value: '0', mutability: 'ReadOnly' },
        { type: 'MaxSet', value: '22000', mutability: 'ReadOnly', constant: true },
      ],
      variableCharacteristics: { unit: 'W', dataType: 'decimal', maxLimit: 22000, supportsMonitoring: true },
    };
    const connector = { component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'ConnectorType' }, variableAttribute: [{ value: 'cType2', mutability: 'ReadOnly' }] };
    const password = { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, variableAttribute: [{ value: 'leaked-by-a-careless-station', mutability: 'WriteOnly' }] };
    const frames: [string, object][] = [
      ['r2', part(2, false, [connector, password])],
      ['r0', part(0, true, [heartbeat])],
      ['r0-again', part(0, true, [heartbeat])],
      ['r1', part(1, true, [power])],
    ];
    for (const [id, payload] of frames) {
      const answer = await exchange(opened.socket, JSON.stringify([2, id, 'NotifyReport', payload]));
      expect(answer).toEqual([3, id, {}]);
      expect(validateResponse('2.0.1', 'NotifyReport', answer[2])).toEqual({ ok: true });
    }

    const items = await deviceModel('DM-RAW');
    expect(items.map((item) => `${String(item.key)} ${String(item.attributeType)}=${String(item.value)}`)).toEqual([
      'Connector@1.1/ConnectorType Actual=cType2',
      'EVSE@1/Power Actual=0',
      'EVSE@1/Power MaxSet=22000',
      'OCPPCommCtrlr/HeartbeatInterval Actual=300',
      'SecurityCtrlr/BasicAuthPassword Actual=null',
    ]);
    expect(items.find((item) => item.key === 'SecurityCtrlr/BasicAuthPassword')).toMatchObject({ value: null, valueWithheld: true, mutability: 'WriteOnly' });
    expect(items.find((item) => item.key === 'OCPPCommCtrlr/HeartbeatInterval')).toMatchObject({
      component: { name: 'OCPPCommCtrlr', instance: null, evseId: null, connectorId: null },
      variable: { name: 'HeartbeatInterval', instance: null },
      mutability: 'ReadWrite',
      persistent: true,
      constant: false,
      characteristics: { unit: 's', dataType: 'integer', minLimit: 1, maxLimit: null, valuesList: null, supportsMonitoring: true },
      source: 'report',
    });
    const jobs = await call('GET', '/api/stations/DM-RAW/device-model/reports');
    expect(jobs.body.items).toEqual([expect.objectContaining({ requestId: 4242, kind: 'unsolicited', status: 'complete', partsReceived: 3, variablesStored: 4 })]);

    // NotifyEvent's actual value updates the variable it reports.
    const event = { generatedAt: '2025-06-01T10:05:00Z', seqNo: 0, eventData: [{ eventId: 1, timestamp: '2025-06-01T10:05:00Z', trigger: 'Delta', actualValue: '7400', eventNotificationType: 'HardWiredNotification', component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }] };
    expect(await exchange(opened.socket, JSON.stringify([2, 'e1', 'NotifyEvent', event]))).toEqual([3, 'e1', {}]);
    expect(await deviceModel('DM-RAW', '&evseId=1&variable=power&attributeType=Actual')).toEqual([expect.objectContaining({ key: 'EVSE@1/Power', value: '7400', source: 'event' })]);
  });

  it('filters by component, EVSE, attribute type, mutability and text, and refuses bad queries', async () => {
    expect((await deviceModel('DM-RAW', '&component=evse')).map((item) => item.attributeType)).toEqual(['Actual', 'MaxSet']);
    expect((await deviceModel('DM-RAW', '&attributeType=MaxSet')).map((item) => item.key)).toEqual(['EVSE@1/Power']);
    expect((await deviceModel('DM-RAW', '&mutability=ReadWrite')).map((item) => item.key)).toEqual(['OCPPCommCtrlr/HeartbeatInterval']);
    expect((await deviceModel('DM-RAW', '&q=ctype')).map((item) => item.key)).toEqual(['Connector@1.1/ConnectorType']);
    expect((await deviceModel('DM-RAW', '&evseId=1&connectorId=1')).map((item) => item.key)).toEqual(['Connector@1.1/ConnectorType']);
    expect(await call('GET', '/api/stations/DM-RAW/device-model?attributeType=Maximum')).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/^query\.attributeType/) } });
    expect((await call('GET', '/api/stations/NOBODY/device-model')).status).toBe(404);
    expect((await call('GET', '/api/stations/DM-RAW/device-model', 'nobody')).status).toBe(401);
  });

  it('replaces the stored model with a complete FullInventory it asked for: variables no longer reported disappear', async () => {
    const asked = nextCall(rawStation, 'GetBaseReport');
    const posting = call('POST', '/api/stations/DM-RAW/device-model/reports', 'operator', { reportBase: 'FullInventory' });
    const [, messageId, , request] = await asked;
    const { requestId } = request as { requestId: number };
    rawStation.send(JSON.stringify([3, messageId, { status: 'Accepted' }]));
    expect(await posting).toMatchObject({ status: 201, body: { requestId, kind: 'base', status: 'accepted', stationStatus: 'Accepted' } });
    const heartbeat = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, variableAttribute: [{ value: '60' }], variableCharacteristics: { dataType: 'integer', supportsMonitoring: false } };
    const part = { requestId, generatedAt: '2025-06-01T11:00:00Z', seqNo: 0, tbc: false, reportData: [heartbeat] };
    expect(await exchange(rawStation, JSON.stringify([2, 'full-0', 'NotifyReport', part]))).toEqual([3, 'full-0', {}]);
    expect((await deviceModel('DM-RAW')).map((item) => `${String(item.key)}=${String(item.value)}`)).toEqual(['OCPPCommCtrlr/HeartbeatInterval=60']);
    expect((await call('GET', `/api/stations/DM-RAW/device-model/reports/${requestId}`)).body).toMatchObject({ status: 'complete', partsReceived: 1, variablesStored: 1, completedAt: expect.any(String) });
    expect((await call('GET', '/api/stations/DM-RAW/device-model/reports/999999')).status).toBe(404);
  });

  it('reads a simulated 2.0.1 station’s whole device model from GetBaseReport and sets variables through REST', async () => {
    const station = await simulated('DM-201', '2.0.1');
    expect((await call('POST', '/api/stations/DM-201/device-model/reports', 'viewer', { reportBase: 'FullInventory' })).status).toBe(403);
    const requested = await call('POST', '/api/stations/DM-201/device-model/reports', 'operator', { reportBase: 'FullInventory' });
    expect(requested).toMatchObject({ status: 201, body: { kind: 'base', reportBase: 'FullInventory', stationStatus: 'Accepted', actor: 'e2e-operator' } });
    const requestId = Number(requested.body.requestId);
    const job = await eventually(
      'the report complete',
      async () => {
        const read = await call('GET', `/api/stations/DM-201/device-model/reports/${requestId}`);
        return read.body.status === 'complete' ? read.body : undefined;
      },
      60_000,
      [connection],
    );
    expect(Number(job.partsReceived)).toBeGreaterThan(1);
    const items = await deviceModel('DM-201');
    expect(new Set(items.map((item) => item.key)).size).toBe(job.variablesStored);
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items).toContainEqual(expect.objectContaining({ key: 'EVSE@2/Power', attributeType: 'MaxSet', value: '22000', characteristics: expect.objectContaining({ unit: 'W', dataType: 'decimal', maxLimit: 22000 }) }));
    expect(items).toContainEqual(expect.objectContaining({ key: 'Connector@2.1/ConnectorType', value: 'cType2', mutability: 'ReadOnly' }));
    expect(items).toContainEqual(expect.objectContaining({ key: 'OCPPCommCtrlr/MessageTimeout.Default', value: '30' }));

    // GetReport of some components upserts them and keeps the rest; nothing matching is EmptyResultSet.
    const partial = await call('POST', '/api/stations/DM-201/device-model/reports', 'operator', { componentVariable: [{ component: { name: 'Connector', evse: { id: 1 } } }] });
    expect(partial).toMatchObject({ status: 201, body: { kind: 'criteria', stationStatus: 'Accepted', criteria: { componentVariable: [{ component: { name: 'Connector', evse: { id: 1 } } }] } } });
    await eventually(
      'the partial report complete',
      async () => ((await call('GET', `/api/stations/DM-201/device-model/reports/${String(partial.body.requestId)}`)).body.status === 'complete' ? true : undefined),
      60_000,
      [connection],
    );
    expect(await deviceModel('DM-201')).toHaveLength(items.length);
    const nothing = await call('POST', '/api/stations/DM-201/device-model/reports', 'operator', { componentVariable: [{ component: { name: 'FluxCapacitor' } }] });
    expect(nothing).toMatchObject({ status: 201, body: { status: 'empty-result-set', stationStatus: 'EmptyResultSet' } });

    const set = await call('POST', '/api/stations/DM-201/device-model/variables', 'operator', {
      variables: [
        { key: 'OCPPCommCtrlr/HeartbeatInterval', value: '120' },
        { key: 'OCPPCommCtrlr/WebSocketPingInterval', value: '30' },
        { key: 'EVSE@1/Power', value: '5' },
      ],
    });
    expect(set.status).toBe(200);
    expect((set.body.results as Json[]).map((result) => [result.key, result.status])).toEqual([
      ['OCPPCommCtrlr/HeartbeatInterval', 'Accepted'],
      ['OCPPCommCtrlr/WebSocketPingInterval', 'RebootRequired'],
      ['EVSE@1/Power', 'Rejected'],
    ]);
    expect(station.settings.value('HeartbeatInterval')).toBe('120');
    const after = await deviceModel('DM-201', '&component=OCPPCommCtrlr');
    expect(after.find((item) => item.key === 'OCPPCommCtrlr/HeartbeatInterval')).toMatchObject({ value: '120', lastSetStatus: 'Accepted', rebootRequired: false, source: 'set' });
    expect(after.find((item) => item.key === 'OCPPCommCtrlr/WebSocketPingInterval')).toMatchObject({ value: '30', rebootRequired: true });
    expect((await deviceModel('DM-201', '&evseId=1&variable=Power&attributeType=Actual'))[0]).toMatchObject({ value: '0', lastSetStatus: 'Rejected' });

    const secret = { variables: [{ key: 'SecurityCtrlr/BasicAuthPassword', value: 'a-new-password-of-twenty' }] };
    expect(await call('POST', '/api/stations/DM-201/device-model/variables', 'operator', secret)).toMatchObject({ status: 403, body: { code: 'credential-needs-admin' } });
    expect(await call('POST', '/api/stations/DM-201/device-model/variables', 'admin', secret)).toMatchObject({ status: 200, body: { results: [expect.objectContaining({ status: 'Accepted' })] } });
    expect((await deviceModel('DM-201', '&variable=BasicAuthPassword'))[0]).toMatchObject({ value: null, valueWithheld: true });
    expect(await call('POST', '/api/stations/DM-201/device-model/variables', 'operator', { variables: [{ key: 'no-slash', value: '1' }] })).toMatchObject({ status: 422 });
  });

  it('keeps the answers of the get-configuration and set-configuration commands (GetVariables / SetVariables) in the model', async () => {
    const set = await call('POST', '/api/stations/DM-201/commands/set-configuration', 'admin', { settings: [{ key: 'OCPPCommCtrlr/MessageTimeout.Default', value: '45' }] });
    expect(set).toMatchObject({ status: 200, body: { status: 'accepted' } });
    await eventually('MessageTimeout from the command answer', async () => ((await deviceModel('DM-201', '&q=MessageTimeout'))[0]?.value === '45' ? true : undefined), 30_000, [connection]);
  });

  it('stores a 1.6 station’s GetConfiguration in the same place and sets keys with ChangeConfiguration', async () => {
    const station = await simulated('DM-16', '1.6');
    const job = await call('POST', '/api/stations/DM-16/device-model/reports', 'operator', { reportBase: 'FullInventory' });
    expect(job).toMatchObject({ status: 201, body: { kind: 'configuration', status: 'complete' } });
    const items = await deviceModel('DM-16');
    expect(items.length).toBe(job.body.variablesStored);
    expect(items.every((item) => (item.component as Json).name === 'OCPP16Configuration')).toBe(true);
    expect(items).toContainEqual(expect.objectContaining({ key: 'OCPP16Configuration/NumberOfConnectors', value: '2', mutability: 'ReadOnly' }));
    expect(items).toContainEqual(expect.objectContaining({ key: 'OCPP16Configuration/HeartbeatInterval', mutability: 'ReadWrite', source: 'configuration' }));

    const set = await call('POST', '/api/stations/DM-16/device-model/variables', 'operator', {
      variables: [
        { key: 'HeartbeatInterval', value: '90' },
        { key: 'OCPP16Configuration/NumberOfConnectors', value: '4' },
        { key: 'NoSuchKey', value: '1' },
      ],
    });
    expect((set.body.results as Json[]).map((result) => [result.key, result.status])).toEqual([
      ['HeartbeatInterval', 'Accepted'],
      ['NumberOfConnectors', 'Rejected'],
      ['NoSuchKey', 'NotSupported'],
    ]);
    expect(station.settings.value('HeartbeatInterval')).toBe('90');
    expect((await deviceModel('DM-16', '&variable=HeartbeatInterval'))[0]).toMatchObject({ value: '90', lastSetStatus: 'Accepted' });
    expect((await deviceModel('DM-16', '&variable=NumberOfConnectors'))[0]).toMatchObject({ value: '2', lastSetStatus: 'Rejected' });

    // The get-configuration command's answer lands in the store too (its observer).
    await call('POST', '/api/stations/DM-16/commands/set-configuration', 'admin', { settings: [{ key: 'HeartbeatInterval', value: '95' }] });
    await eventually('HeartbeatInterval from the command answer', async () => ((await deviceModel('DM-16', '&variable=HeartbeatInterval'))[0]?.value === '95' ? true : undefined), 30_000, [connection]);
  });

  it('documents its endpoints in OpenAPI with their roles', async () => {
    const document = (await (await fetch(`${connection.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, { 'x-required-role'?: string }>> };
    const roles = (route: string) => Object.fromEntries(Object.entries(document.paths[route] ?? {}).map(([method, operation]) => [method, operation['x-required-role']]));
    expect(roles('/api/stations/{id}/device-model')).toEqual({ get: 'viewer' });
    expect(roles('/api/stations/{id}/device-model/variables')).toEqual({ post: 'operator' });
    expect(roles('/api/stations/{id}/device-model/reports')).toEqual({ get: 'viewer', post: 'operator' });
    expect(roles('/api/stations/{id}/device-model/reports/{requestId}')).toEqual({ get: 'viewer' });
    expect(await call('POST', '/api/stations/DM-201/device-model/reports', 'operator', { reportBase: 'Everything' })).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/stations/DM-201/device-model/variables', 'operator', { variables: [] })).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/^body\.variables/) } });
    expect(await call('POST', '/api/stations/NOBODY/device-model/variables', 'operator', { variables: [{ key: 'A/B', value: '1' }] })).toMatchObject({ status: 404 });
  });
});
