import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { tearDown } from '@test/support/e2e-teardown';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

/**
 * 2.0.1 monitoring and station alerts, with the connection service as a process on real Kafka and
 * PostgreSQL: stations over raw OCPP-J (NotifyMonitoringReport parts, NotifyEvent, faulted
 * StatusNotification get schema-valid answers and show in REST), and simulated stations whose
 * monitors are set, reported and cleared through REST, whose monitored value raises and clears
 * an alert, and whose 1.6 connector fault raises and clears one.
 */
describe('monitoring and alerts', () => {
  const prefix = uniqueTopicPrefix('monitoring');
  const api = new OperatorApiClient();
  const sockets: WebSocket[] = [];
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  /** The first answer of `route` that `accept` takes, polling (monitors and alerts are written around the answers). */
  const until = (what: string, route: string, accept: (body: Json) => boolean) =>
    eventually(
      what,
      async () => {
        const answer = await call('GET', route, 'viewer');
        return answer.status === 200 && accept(answer.body) ? answer.body : undefined;
      },
      60_000,
      [connection],
    );

  const alertsOf = (stationId: string, query = '') => until(`alerts of ${stationId}`, `/api/stations/${stationId}/alerts${query}`, () => true);

  async function open(stationId: string, protocol: 'ocpp1.6' | 'ocpp2.0.1'): Promise<WebSocket> {
    const opened = await connectStation(`${wsUrl}/${stationId}`, [protocol]);
    if (!opened.open) throw new Error(`${stationId} refused with ${opened.status}: ${opened.body}`);
    sockets.push(opened.socket);
    return opened.socket;
  }

  async function simulated(id: string, version: '1.6' | '2.0.1'): Promise<SimulatedStation> {
    const station = new SimulatedStation({ id, version, connection: { url: wsUrl, securityProfile: 0 }, resetBehaviour: 'acknowledge' });
    stations.push(station);
    await station.connect();
    await station.boot();
    await until(`${id} connected`, `/api/stations/${id}`, (body) => (body.live as { connected?: boolean } | undefined)?.connected === true);
    return station;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-monitoring-'));
    database = await createTestDatabase('monitoring');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        API_TOKENS_FILE: api.writeTokenFile(dir),
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(() => tearDown({ sockets, stations, services: [connection], database, dir }));

  describe('over raw OCPP-J', () => {
    let socket: WebSocket;

    beforeAll(async () => {
      socket = await open('MON-RAW-201', 'ocpp2.0.1');
      const boot = [2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'DC-50' } }];
      expect(await exchange(socket, JSON.stringify(boot))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    });

    it('stores a NotifyMonitoringReport sent in parts, answering each with {}', async () => {
      const part = (seqNo: number, tbc: boolean, monitor: unknown[]) => ({ requestId: 900, seqNo, tbc, generatedAt: '2025-06-01T10:00:00.000Z', monitor });
      const power = {
        component: { name: 'EVSE', evse: { id: 1 } },
        variable: { name: 'Power' },
        variableMonitoring: [{ id: 41, transaction: false, value: 22000, type: 'UpperThreshold', severity: 1 }],
      };
      const temperature = {
        component: { name: 'ChargingStation' },
        variable: { name: 'Temperature', instance: 'Cabinet' },
        variableMonitoring: [{ id: 42, transaction: true, value: 5, type: 'Delta', severity: 7 }],
      };
      expect(await exchange(socket, JSON.stringify([2, 'r0', 'NotifyMonitoringReport', part(0, true, [power])]))).toEqual([3, 'r0', {}]);
      expect(await exchange(socket, JSON.stringify([2, 'r1', 'NotifyMonitoringReport', part(1, false, [temperature])]))).toEqual([3, 'r1', {}]);
      const monitors = await until('the reported monitors', '/api/stations/MON-RAW-201/monitors', (body) => body.items?.length === 2);
      expect(monitors.items).toEqual([
        { monitorId: 41, component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'UpperThreshold', value: 22000, severity: 1, transaction: false },
        { monitorId: 42, component: { name: 'ChargingStation' }, variable: { name: 'Temperature', instance: 'Cabinet' }, type: 'Delta', value: 5, severity: 7, transaction: true },
      ]);
    });

    it('refuses a NotifyMonitoringReport without seqNo or with a severity beyond 9 with a CALLERROR and stores nothing', async () => {
      const answer = await exchange(socket, JSON.stringify([2, 'bad', 'NotifyMonitoringReport', { requestId: 901, generatedAt: '2025-06-01T10:00:00.000Z' }]));
      expect(answer).toEqual([4, 'bad', expect.stringMatching(/Violation$/), expect.any(String), expect.anything()]);
      const severe = { component: { name: 'EVSE' }, variable: { name: 'Power' }, variableMonitoring: [{ id: 43, transaction: false, value: 1, type: 'Delta', severity: 12 }] };
      const outOfRange = { requestId: 902, seqNo: 0, generatedAt: '2025-06-01T10:00:00.000Z', monitor: [severe] };
      expect(await exchange(socket, JSON.stringify([2, 'sev', 'NotifyMonitoringReport', outOfRange]))).toEqual([
        4,
        'sev',
        'PropertyConstraintViolation',
        'monitor 43 has severity 12; OCPP severities are 0-9',
        expect.anything(),
      ]);
      expect((await call('GET', '/api/stations/MON-RAW-201/monitors', 'viewer')).body.items).toHaveLength(2);
    });

    it('raises an alert from NotifyEvent with the severity of the monitor that fired, and clears it', async () => {
      const event = (eventId: number, cleared: boolean, actualValue: string) => ({
        eventId,
        timestamp: '2025-06-01T10:10:00.000Z',
        trigger: 'Alerting',
        actualValue,
        cleared,
        component: { name: 'EVSE', evse: { id: 1 } },
        variable: { name: 'Power' },
        variableMonitoringId: 41,
        eventNotificationType: 'CustomMonitor',
      });
      const notify = (id: string, data: unknown) => JSON.stringify([2, id, 'NotifyEvent', { generatedAt: '2025-06-01T10:10:00.000Z', seqNo: 0, eventData: [data] }]);
      expect(await exchange(socket, notify('e1', event(1, false, '23500')))).toEqual([3, 'e1', {}]);
      const raised = await alertsOf('MON-RAW-201', '?state=active');
      expect(raised.items).toEqual([
        expect.objectContaining({ stationId: 'MON-RAW-201', state: 'active', source: 'event', severity: 1, component: 'EVSE@1', variable: 'Power', monitorId: 41, actualValue: '23500', clearedAt: null }),
      ]);
      expect(await exchange(socket, notify('e2', event(2, true, '21000')))).toEqual([3, 'e2', {}]);
      const after = await alertsOf('MON-RAW-201');
      expect(after.items).toEqual([expect.objectContaining({ state: 'cleared', monitorId: 41, clearedAt: '2025-06-01T10:10:00.000Z' })]);
    });

    it('raises an alert for a 2.0.1 Faulted connector and clears it when the connector is Available', async () => {
      const status = (id: string, connectorStatus: string, timestamp: string) => JSON.stringify([2, id, 'StatusNotification', { timestamp, connectorStatus, evseId: 2, connectorId: 1 }]);
      expect(await exchange(socket, status('s1', 'Faulted', '2025-06-01T11:00:00.000Z'))).toEqual([3, 's1', {}]);
      const active = await alertsOf('MON-RAW-201', '?state=active');
      expect(active.items).toEqual([expect.objectContaining({ source: 'connector', severity: 3, evseId: 2, connectorId: 1, raisedAt: '2025-06-01T11:00:00.000Z' })]);
      expect(await exchange(socket, status('s2', 'Available', '2025-06-01T11:05:00.000Z'))).toEqual([3, 's2', {}]);
      expect((await alertsOf('MON-RAW-201', '?state=active')).items).toEqual([]);
    });

    it('raises and clears a 1.6 StatusNotification fault with its error codes', async () => {
      const socket16 = await open('MON-RAW-16', 'ocpp1.6');
      const boot = [2, 'b1', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22' }];
      expect(await exchange(socket16, JSON.stringify(boot))).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
      const fault = { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted', info: 'ground', vendorErrorCode: 'E42', timestamp: '2025-06-01T12:00:00.000Z' };
      expect(await exchange(socket16, JSON.stringify([2, 'f1', 'StatusNotification', fault]))).toEqual([3, 'f1', {}]);
      expect((await alertsOf('MON-RAW-16', '?state=active')).items).toEqual([
        expect.objectContaining({ source: 'connector', severity: 3, errorCode: 'GroundFailure', vendorErrorCode: 'E42', info: 'ground', evseId: 1, connectorId: 1 }),
      ]);
      const healthy = { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: '2025-06-01T12:03:00.000Z' };
      expect(await exchange(socket16, JSON.stringify([2, 'f2', 'StatusNotification', healthy]))).toEqual([3, 'f2', {}]);
      expect((await alertsOf('MON-RAW-16')).items).toEqual([expect.objectContaining({ state: 'cleared', clearedAt: '2025-06-01T12:03:00.000Z' })]);
    });

    it('lists alerts across stations with filters and cursor paging', async () => {
      const all = await until('every alert so far', '/api/alerts?stationId=MON-RAW-201', (body) => body.items?.length === 2);
      expect(all.items?.map((alert) => alert.source)).toEqual(['connector', 'event']);
      expect((await call('GET', '/api/alerts?stationId=MON-RAW-201&maxSeverity=2', 'viewer')).body.items?.map((alert) => alert.severity)).toEqual([1]);
      expect((await call('GET', '/api/alerts?since=2025-06-01T10:30:00Z&stationId=MON-RAW-201', 'viewer')).body.items?.map((alert) => alert.source)).toEqual(['connector']);
      const first = await call('GET', '/api/alerts?stationId=MON-RAW-201&limit=1', 'viewer');
      expect(first.body.items).toHaveLength(1);
      const second = await call('GET', `/api/alerts?stationId=MON-RAW-201&limit=1&cursor=${String(first.body.nextCursor)}`, 'viewer');
      expect([...(first.body.items ?? []), ...(second.body.items ?? [])]).toEqual(all.items);
      expect(second.body.nextCursor).toBeNull();
      expect((await call('GET', '/api/alerts?maxSeverity=10', 'viewer')).status).toBe(400);
      expect((await call('GET', '/api/stations/NOBODY/alerts', 'viewer')).status).toBe(404);
      expect((await call('GET', '/api/alerts', 'nobody')).status).toBe(401);
    });
  });

  describe('with simulated stations', () => {
    it('sets a monitor through REST, raises an alert when the station’s value crosses it and clears it when the value returns', async () => {
      const station = await simulated('MON-SIM-201', '2.0.1');
      const monitor = { component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'UpperThreshold', value: 22000, severity: 2 };
      expect((await call('POST', '/api/stations/MON-SIM-201/monitors', 'viewer', { monitors: [monitor] })).status).toBe(403);
      const set = await call('POST', '/api/stations/MON-SIM-201/monitors', 'operator', { monitors: [monitor, { ...monitor, component: { name: 'Nowhere' } }] });
      expect(set.status).toBe(200);
      expect(set.body.results).toEqual([
        { monitorId: 1, status: 'Accepted', reason: null, component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'UpperThreshold', severity: 2 },
        { monitorId: null, status: 'UnknownComponent', reason: null, component: { name: 'Nowhere' }, variable: { name: 'Power' }, type: 'UpperThreshold', severity: 2 },
      ]);
      await until('the monitor set', '/api/stations/MON-SIM-201/monitors', (body) => body.items?.length === 1 && body.items[0]?.monitorId === 1);
      expect((await call('PUT', '/api/stations/MON-SIM-201/monitoring-level', 'operator', { severity: 5 })).body).toEqual({ commandId: expect.any(String), status: 'Accepted', reason: null });
      expect((await call('PUT', '/api/stations/MON-SIM-201/monitoring-base', 'operator', { monitoringBase: 'All' })).body).toEqual(expect.objectContaining({ status: 'Accepted' }));

      await station.monitoring.measure({ name: 'EVSE', evse: { id: 1 } }, { name: 'Power' }, 23000);
      const raised = await until('the alert raised', '/api/stations/MON-SIM-201/alerts?state=active', (body) => body.items?.length === 1);
      expect(raised.items).toEqual([expect.objectContaining({ source: 'event', severity: 2, monitorId: 1, component: 'EVSE@1', variable: 'Power', actualValue: '23000', eventType: 'CustomMonitor' })]);

      await station.monitoring.measure({ name: 'EVSE', evse: { id: 1 } }, { name: 'Power' }, 15000);
      await until('the alert cleared', '/api/stations/MON-SIM-201/alerts?state=cleared', (body) => body.items?.length === 1);
      expect((await call('GET', '/api/stations/MON-SIM-201/alerts?state=active', 'viewer')).body.items).toEqual([]);
    });

    it('follows a GetMonitoringReport job until its parts are in, and clears monitors through REST', async () => {
      const station = stations.find((candidate) => candidate.id === 'MON-SIM-201');
      if (!station) throw new Error('the 2.0.1 station of the previous test is missing');
      // Two more monitors the station has by itself: three component/variable groups, two NotifyMonitoringReport parts.
      for (const component of [{ name: 'EVSE', evse: { id: 1 } }, { name: 'ChargingStation' }]) {
        expect(station.monitoring.monitors.set({ value: 60, type: 'Periodic', severity: 8, component, variable: { name: 'AvailabilityState' } }).status).toBe('Accepted');
      }
      const job = await call('POST', '/api/stations/MON-SIM-201/monitoring-reports', 'operator', {});
      expect(job.status).toBe(200);
      expect(job.body).toEqual(expect.objectContaining({ requestId: expect.any(Number), stationStatus: 'Accepted', fullReport: true }));
      const done = await until('the report complete', `/api/stations/MON-SIM-201/monitoring-reports/${String(job.body.requestId)}`, (body) => body.status === 'complete');
      expect(done).toEqual(expect.objectContaining({ parts: 2, monitors: 3, completedAt: expect.any(String) }));
      const monitors = await until('three monitors', '/api/stations/MON-SIM-201/monitors', (body) => body.items?.length === 3);
      expect(monitors.items?.map((item) => item.monitorId)).toEqual([1, 2, 3]);

      const cleared = await call('POST', '/api/stations/MON-SIM-201/monitors/clear', 'operator', { monitorIds: [2, 77] });
      expect(cleared.body.results).toEqual([
        { monitorId: 2, status: 'Accepted', reason: null },
        { monitorId: 77, status: 'NotFound', reason: null },
      ]);
      await until('monitor 2 gone', '/api/stations/MON-SIM-201/monitors', (body) => body.items?.map((item) => item.monitorId).join() === '1,3');

      const filtered = await call('POST', '/api/stations/MON-SIM-201/monitoring-reports', 'operator', { criteria: ['DeltaMonitoring'] });
      expect(filtered.body).toEqual(expect.objectContaining({ status: 'complete', stationStatus: 'EmptyResultSet', fullReport: false }));
      expect((await call('GET', '/api/stations/MON-SIM-201/monitoring-reports/999999', 'viewer')).status).toBe(404);
    });

    it('raises and clears an alert for a simulated 1.6 connector fault, and refuses 2.0.1 monitoring for a 1.6 station', async () => {
      const station = await simulated('MON-SIM-16', '1.6');
      await station.reportFault(1, { errorCode: 'HighTemperature', vendorErrorCode: 'T-90', info: 'cabinet hot' });
      const raised = await until('the fault alert', '/api/stations/MON-SIM-16/alerts?state=active', (body) => body.items?.length === 1);
      expect(raised.items).toEqual([expect.objectContaining({ source: 'connector', errorCode: 'HighTemperature', vendorErrorCode: 'T-90', info: 'cabinet hot', severity: 3 })]);
      await station.clearFault(1);
      await until('the fault cleared', '/api/stations/MON-SIM-16/alerts?state=cleared', (body) => body.items?.length === 1);

      const refused = await call('PUT', '/api/stations/MON-SIM-16/monitoring-level', 'operator', { severity: 3 });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toBe('SetMonitoringLevel: OCPP 2.0.1 only; station MON-SIM-16 is connected over OCPP 1.6');
      expect((await call('POST', '/api/stations/MON-SIM-16/monitoring-reports', 'operator', {})).status).toBe(422);
    });
  });
});
