import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { threeFeederSite } from '@test/support/site-fixtures';

/**
 * Tenant scoping in embedded mode (docs/adr/037-tenant-scoping.md): the embedded store runs the
 * same migrations, so stations and sites are scoped as in distributed mode, and the PKI asks the
 * station registry on the same HTTP port.
 */
describe('tenant scoping in embedded mode', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-tenants-embedded-'));
  const api = new OperatorApiClient({ acme: { roles: ['admin'], tenant: 'acme' }, globex: { roles: ['admin'], tenant: 'globex' } });
  let service: ServiceProcess;
  const call = (method: string, route: string, as: 'acme' | 'globex' | 'admin', body?: unknown) => api.call(service.baseUrl, method, route, as, body);

  beforeAll(async () => {
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    service = startService(
      'embedded',
      {
        EMBEDDED_DATA_DIR: path.join(dir, 'data'),
        API_TOKENS_FILE: api.writeTokenFile(dir),
        INTERNAL_API_TOKEN: 'tenants-embedded-internal-token-0123456789',
        PKI_CONNECTION_URL: `http://127.0.0.1:${httpPort}`,
        OCPP_WS_PORT: String(wsPort),
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(service, 240_000);
  }, 300_000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each tenant to its stations, sites and certificates', async () => {
    expect(await call('PUT', '/api/stations/EMB-ACME', 'acme', { securityProfile: 0 })).toMatchObject({ status: 201, body: { tenant: 'acme' } });
    expect(await call('PUT', '/api/stations/EMB-GLOBEX', 'globex', { securityProfile: 0 })).toMatchObject({ status: 201, body: { tenant: 'globex' } });
    expect((await call('GET', '/api/stations', 'acme')).body.items?.map((station) => station.id)).toEqual(['EMB-ACME']);
    expect((await call('GET', '/api/stations/EMB-GLOBEX', 'acme')).status).toBe(404);

    expect(await call('POST', '/api/sites', 'globex', threeFeederSite('SITE-EMB', 'EMB-SG'))).toMatchObject({ status: 201, body: { tenant: 'globex' } });
    expect((await call('GET', '/api/sites/SITE-EMB', 'acme')).status).toBe(404);
    expect((await call('GET', '/api/sites', 'acme')).body.items).toEqual([]);

    expect(await call('GET', '/api/issued-certificates', 'acme')).toMatchObject({ status: 200, body: { items: [] } });
    expect((await call('GET', '/api/station-inventories/EMB-GLOBEX', 'acme')).status).toBe(404);
    expect((await call('GET', '/api/stations', 'admin')).body.items?.map((station) => station.id)).toEqual(['EMB-ACME', 'EMB-GLOBEX']);
  });
});
