import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

const INDEX = '<!doctype html><title>console fixture</title>';
const CONSOLE_ORIGIN = 'http://console.example:8080';

/**
 * What the operator console needs of the server (issue 15), in embedded mode: the built SPA at
 * /console with its config.json, GET /api/me, CORS, and the station list's filters, connectors and
 * summary over ~20 stations, some connected over real WebSockets.
 */
describe('operator console backend (embedded)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-console-'));
  const api = new OperatorApiClient({ dso: { roles: ['grid-operator'], sites: ['SITE-1'] }, acme: { roles: ['viewer'], tenant: 'acme' } });
  const sockets: WebSocket[] = [];
  let service: ServiceProcess;
  let wsPort: number;
  const call = (method: string, route: string, as: 'viewer' | 'admin' | 'dso' | 'acme' | 'nobody', body?: unknown) => api.call(service.baseUrl, method, route, as, body);

  beforeAll(async () => {
    const consoleDir = path.join(dir, 'console');
    mkdirSync(path.join(consoleDir, 'assets'), { recursive: true });
    writeFileSync(path.join(consoleDir, 'index.html'), INDEX);
    writeFileSync(path.join(consoleDir, 'assets', 'x.js'), 'export {};');
    const httpPort = await freePort();
    wsPort = await freePort();
    service = startService(
      'embedded',
      {
        EMBEDDED_DATA_DIR: path.join(dir, 'data'),
        API_TOKENS_FILE: api.writeTokenFile(dir),
        OCPP_WS_PORT: String(wsPort),
        CONSOLE_DIR: consoleDir,
        CORS_ALLOWED_ORIGINS: CONSOLE_ORIGIN,
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(service, 240_000);
  }, 300_000);

  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await service?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built console at /console without a token, with SPA fallback, caching and its config.json', async () => {
    const redirect = await fetch(`${service.baseUrl}/console`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/console/']);
    const route = await fetch(`${service.baseUrl}/console/stations/CP-1`);
    expect([route.status, await route.text(), route.headers.get('cache-control')]).toEqual([200, INDEX, 'no-cache']);
    expect(route.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const asset = await fetch(`${service.baseUrl}/console/assets/x.js`);
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect((await fetch(`${service.baseUrl}/console/assets/missing.js`)).status).toBe(404);
    const config = await fetch(`${service.baseUrl}/console/config.json`);
    expect(await config.json()).toEqual({ api: { connection: '/api', smartCharging: '/api', pki: '/api' }, oidc: null });
  });

  it('tells any valid token who it is, grid-operator included, and refuses no token', async () => {
    expect(await call('GET', '/api/me', 'viewer')).toMatchObject({ status: 200, body: { name: 'e2e-viewer', roles: ['viewer'], tenant: null, sites: [], authenticatedBy: 'api-token', expiresAt: null } });
    expect(await call('GET', '/api/me', 'dso')).toMatchObject({ status: 200, body: { name: 'e2e-dso', roles: ['grid-operator'], sites: ['SITE-1'] } });
    expect(await call('GET', '/api/me', 'acme')).toMatchObject({ status: 200, body: { tenant: 'acme' } });
    expect((await call('GET', '/api/me', 'nobody')).status).toBe(401);
  });

  it('answers CORS preflights of an allowed origin and echoes it, and grants nothing to others', async () => {
    const preflight = await fetch(`${service.baseUrl}/api/stations`, { method: 'OPTIONS', headers: { origin: CONSOLE_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const refused = await fetch(`${service.baseUrl}/api/me`, { headers: { origin: CONSOLE_ORIGIN } });
    expect([refused.status, refused.headers.get('access-control-allow-origin'), refused.headers.get('vary')]).toEqual([401, CONSOLE_ORIGIN, 'Origin']);
    expect(refused.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    const other = await fetch(`${service.baseUrl}/api/me`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('filters 20 stations by protocol, security profile, text and connector status, lists their connectors and counts them', async () => {
    for (let n = 1; n <= 20; n += 1) {
      const id = `CON-${String(n).padStart(2, '0')}`;
      expect((await call('PUT', `/api/stations/${id}`, 'admin', { securityProfile: 0, ...(n > 18 ? { registrationStatus: 'pending' } : {}) })).status).toBe(201);
    }
    const boot16 = { chargePointVendor: 'Acme', chargePointModel: 'AC-22', chargePointSerialNumber: 'SN-ACME-3' };
    const boot201 = { reason: 'PowerUp', chargingStation: { vendorName: 'Globex', model: 'DC-150', firmwareVersion: 'fw-9.1' } };
    for (const [id, protocol] of [
      ['CON-01', 'ocpp1.6'],
      ['CON-02', 'ocpp1.6'],
      ['CON-03', 'ocpp2.0.1'],
    ] as const) {
      const outcome = await connectStation(`ws://127.0.0.1:${wsPort}/ocpp/${id}`, [protocol]);
      if (!outcome.open) throw new Error(`${id} refused: ${outcome.status}`);
      sockets.push(outcome.socket);
      const v16 = protocol === 'ocpp1.6';
      expect((await exchange(outcome.socket, JSON.stringify([2, 'b1', 'BootNotification', v16 ? boot16 : boot201]), 15_000))[0]).toBe(3);
      const status = v16
        ? { connectorId: 1, errorCode: id === 'CON-02' ? 'GroundFailure' : 'NoError', status: id === 'CON-02' ? 'Faulted' : 'Available' }
        : { timestamp: new Date().toISOString(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 };
      expect((await exchange(outcome.socket, JSON.stringify([2, 's1', 'StatusNotification', status]), 15_000))[0]).toBe(3);
    }
    const ids = (answer: { body: Json }) => (answer.body.items ?? []).map((station) => station.id);

    const live = await eventually('live protocols', async () => {
      const answer = await call('GET', '/api/stations?protocol=ocpp1.6', 'viewer');
      return ids(answer).length === 2 ? answer : undefined;
    });
    expect(ids(live)).toEqual(['CON-01', 'CON-02']);
    expect(ids(await call('GET', '/api/stations?protocol=ocpp2.0.1', 'viewer'))).toEqual(['CON-03']);
    expect(ids(await call('GET', '/api/stations?protocol=ocpp1.6&connected=false', 'viewer'))).toEqual([]);
    const faulted = await eventually('faulted connector', async () => {
      const answer = await call('GET', '/api/stations?connectorStatus=Faulted', 'viewer');
      return ids(answer).length === 1 ? answer : undefined;
    });
    expect(ids(faulted)).toEqual(['CON-02']);
    expect(faulted.body.items?.[0]?.connectors).toEqual([{ evseId: 1, connectorId: 1, status: 'Faulted' }]);
    expect(ids(await call('GET', '/api/stations?connectorStatus=Occupied', 'viewer'))).toEqual(['CON-03']);
    expect(ids(await call('GET', '/api/stations?q=globex', 'viewer'))).toEqual(['CON-03']);
    expect(ids(await call('GET', '/api/stations?q=FW-9', 'viewer'))).toEqual(['CON-03']);
    expect(ids(await call('GET', '/api/stations?q=sn-acme', 'viewer'))).toEqual(['CON-01', 'CON-02']);
    expect(ids(await call('GET', '/api/stations?q=con-1&registrationStatus=accepted&limit=5', 'viewer'))).toEqual(['CON-10', 'CON-11', 'CON-12', 'CON-13', 'CON-14']);
    expect(ids(await call('GET', '/api/stations?q=%25', 'viewer'))).toEqual([]);
    expect(ids(await call('GET', '/api/stations?securityProfile=0&idPrefix=CON-2', 'viewer'))).toEqual(['CON-20']);
    expect((await call('GET', '/api/stations?securityProfile=4', 'viewer')).status).toBe(400);
    expect((await call('GET', '/api/stations?protocol=ocpp9', 'viewer')).status).toBe(400);

    const page = await call('GET', '/api/stations?idPrefix=CON-&limit=15', 'viewer');
    expect(page.body.items?.length).toBe(15);
    const rest = await call('GET', `/api/stations?idPrefix=CON-&cursor=${String(page.body.nextCursor)}`, 'viewer');
    expect(ids(rest)).toEqual(['CON-16', 'CON-17', 'CON-18', 'CON-19', 'CON-20']);
    expect(rest.body.items?.[0]?.connectors).toEqual([]);

    expect(await call('GET', '/api/stations/summary', 'viewer')).toMatchObject({
      status: 200,
      body: { total: 20, connected: 3, byRegistrationStatus: { accepted: 18, pending: 2, rejected: 0 }, byProtocol: { 'ocpp1.6': 2, 'ocpp2.0.1': 1, 'ocpp2.1': 0 } },
    });
    expect(await call('GET', '/api/stations/summary', 'acme')).toMatchObject({ status: 200, body: { total: 0, connected: 0 } });
  }, 120_000);

  it('tells first-contact stations from those an operator registered (autoRegistered), as the console’s pending view asks', async () => {
    // The embedded mode accepts unknown stations by default: this one registers itself on profile 0 without a password (ADR 039).
    const outcome = await connectStation(`ws://127.0.0.1:${wsPort}/ocpp/FIRST-1`, ['ocpp1.6']);
    if (!outcome.open) throw new Error(`FIRST-1 refused: ${outcome.status}`);
    sockets.push(outcome.socket);
    const ids = (answer: { body: Json }) => (answer.body.items ?? []).map((station) => station.id);
    const firstContact = '/api/stations?autoRegistered=true&registrationStatus=accepted&securityProfile=0';
    const found = await eventually('first-contact station', async () => {
      const answer = await call('GET', firstContact, 'viewer');
      return ids(answer).length === 1 ? answer : undefined;
    });
    expect(ids(found)).toEqual(['FIRST-1']);
    expect(found.body.items?.[0]).toMatchObject({ autoRegistered: true, hasPassword: false });
    expect(ids(await call('GET', '/api/stations?autoRegistered=true', 'viewer'))).toEqual(['FIRST-1']);
    expect(ids(await call('GET', '/api/stations?autoRegistered=false&idPrefix=FIRST', 'viewer'))).toEqual([]);
    const operatorRegistered = await call('GET', '/api/stations?autoRegistered=false&limit=100', 'viewer');
    expect(ids(operatorRegistered)).toHaveLength(20);
    expect(ids(operatorRegistered).every((id) => String(id).startsWith('CON-'))).toBe(true);
    expect(ids(await call('GET', '/api/stations?autoRegistered=true', 'acme'))).toEqual([]);
    expect((await call('GET', '/api/stations?autoRegistered=maybe', 'viewer')).status).toBe(400);
  }, 60_000);
});
