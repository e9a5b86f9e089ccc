import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { TestIdentityProvider, testSigningKey } from '@test/support/test-identity-provider';

const INDEX = '<!doctype html><title>console fixture</title>';
const AUDIENCE = 'csms-api';

/**
 * The console in the distributed mode: the connection service serves it (its config.json points
 * at the smart-charging service's own port), the smart-charging service accepts the console's
 * origin by CORS, and GET /api/me names an OIDC caller on either service.
 */
describe('operator console backend (distributed)', () => {
  // Its token endpoint lies on another origin than the issuer (as Google's): the console's CSP must allow it.
  const idp = new TestIdentityProvider({ tokenEndpointElsewhere: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-console-distributed-'));
  const api = new OperatorApiClient();
  let database: TestDatabase;
  let connection: ServiceProcess;
  let smartCharging: ServiceProcess;
  let smartChargingUrl: string;
  let oidcToken: string;
  let oidcExp: number;

  beforeAll(async () => {
    await idp.start();
    const key = await testSigningKey('console-key');
    idp.published = [key];
    const consoleDir = path.join(dir, 'console');
    mkdirSync(path.join(consoleDir, 'assets'), { recursive: true });
    writeFileSync(path.join(consoleDir, 'index.html'), INDEX);
    writeFileSync(path.join(consoleDir, 'assets', 'x.js'), 'export {};');
    database = await createTestDatabase('console');
    const [httpPort, wsPort, smartChargingPort] = await Promise.all([freePort(), freePort(), freePort()]);
    smartChargingUrl = `http://127.0.0.1:${smartChargingPort}`;
    const common = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('console'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: AUDIENCE,
      LOG_LEVEL: 'warn',
    };
    connection = startService(
      'connection',
      { ...common, OCPP_WS_PORT: String(wsPort), CONSOLE_DIR: consoleDir, CONSOLE_SMART_CHARGING_API_URL: smartChargingUrl, CONSOLE_OIDC_CLIENT_ID: 'csms-console' },
      httpPort,
    );
    smartCharging = startService('smart-charging', { ...common, CORS_ALLOWED_ORIGINS: `http://127.0.0.1:${httpPort}` }, smartChargingPort);
    await Promise.all([waitUntilReady(connection, 240_000), waitUntilReady(smartCharging, 240_000)]);
    oidcExp = Math.floor(Date.now() / 1000) + 600;
    oidcToken = await idp.sign(key, { aud: AUDIENCE, sub: 'alice', roles: ['operator'], exp: oidcExp });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([connection?.stop('SIGKILL'), smartCharging?.stop('SIGKILL')]);
    await idp.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console from the connection service, its config.json naming the other API and the OIDC client', async () => {
    const route = await fetch(`${connection.baseUrl}/console/sites/SITE-1`);
    expect([route.status, await route.text()]).toEqual([200, INDEX]);
    expect(route.headers.get('content-security-policy')).toContain(`connect-src 'self' ${smartChargingUrl} ${new URL(idp.issuer).origin} ${new URL(idp.tokenEndpoint).origin};`);
    expect(new URL(idp.tokenEndpoint).origin).not.toBe(new URL(idp.issuer).origin);
    // The discovery is cached: more console answers, the same CSP, no discovery but the first.
    const discoveries = idp.discoveryFetches;
    for (const file of ['/console/', '/console/assets/x.js', '/console/config.json']) {
      expect((await fetch(`${connection.baseUrl}${file}`)).headers.get('content-security-policy')).toContain(new URL(idp.tokenEndpoint).origin);
    }
    expect(idp.discoveryFetches).toBe(discoveries);
    const config = await fetch(`${connection.baseUrl}/console/config.json`);
    expect(await config.json()).toEqual({
      api: { connection: '/api', smartCharging: `${smartChargingUrl}/api`, pki: '/api' },
      oidc: { issuer: idp.issuer, clientId: 'csms-console', scope: 'openid' },
    });
    // Only the connection service serves it.
    expect((await fetch(`${smartChargingUrl}/console/`)).status).toBe(404);
  });

  it('lets the console’s origin call the smart-charging service: preflight 204, origin echoed; other origins get nothing', async () => {
    const origin = connection.baseUrl;
    const preflight = await fetch(`${smartChargingUrl}/api/sites`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE');
    const sites = await fetch(`${smartChargingUrl}/api/sites`, { headers: { origin, authorization: `Bearer ${oidcToken}` } });
    expect([sites.status, sites.headers.get('access-control-allow-origin'), sites.headers.get('vary')]).toEqual([200, origin, 'Origin']);
    const other = await fetch(`${smartChargingUrl}/api/sites`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // The connection service was given no CORS origins: no CORS headers at all.
    const same = await fetch(`${connection.baseUrl}/api/me`, { headers: { origin: 'http://evil.example', authorization: `Bearer ${oidcToken}` } });
    expect([same.headers.get('access-control-allow-origin'), same.headers.get('vary')]).toEqual([null, null]);
  });

  it('names an OIDC caller on either service, with the token’s exp', async () => {
    for (const base of [connection.baseUrl, smartChargingUrl]) {
      const answer = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${oidcToken}` } });
      expect([answer.status, await answer.json()]).toEqual([
        200,
        { name: 'oidc:alice', roles: ['operator'], tenant: null, sites: [], authenticatedBy: 'oidc', expiresAt: new Date(oidcExp * 1000).toISOString() },
      ]);
    }
    expect(await api.call(connection.baseUrl, 'GET', '/api/me', 'admin')).toMatchObject({ status: 200, body: { name: 'e2e-admin', authenticatedBy: 'api-token' } });
  });
});
