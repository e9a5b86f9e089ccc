import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';

/** The audit log in embedded mode (`npm start`): the embedded store holds each service's audit, behind the generated admin token. */
describe('audit log in embedded mode', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csms-audit-embedded-'));
  let service: ServiceProcess | undefined;

  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records changes of each service in the embedded store and answers them at /api/audit/<service>', async () => {
    service = startService('embedded', { EMBEDDED_DATA_DIR: dataDir, OCPP_WS_PORT: String(await freePort()) }, await freePort());
    await waitUntilReady(service, 60_000);
    const headers = { authorization: `Bearer ${readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim()}`, 'content-type': 'application/json' };
    const send = (method: string, route: string, body?: unknown) => fetch(`${service?.baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

    expect((await send('PUT', '/api/id-tokens/EMBEDDED-TAG', { status: 'Blocked' })).status).toBe(201);
    expect((await send('POST', '/api/sites', { siteId: 'SITE-EMB', name: 'Embedded depot' })).status).toBe(201);
    expect((await send('POST', '/api/revocations', { serialNumber: '0abc', reason: 'keyCompromise' })).status).toBeGreaterThanOrEqual(400);

    const newest = async (audit: string) => {
      const page = (await (await send('GET', `/api/audit/${audit}?limit=1`)).json()) as { items: Record<string, unknown>[] };
      return page.items[0];
    };
    expect(await eventually('the connection entry', () => newest('connection'))).toMatchObject({
      actor: { name: 'embedded-admin', credential: 'api-token' },
      resource: { type: 'id-tokens', id: 'EMBEDDED-TAG' },
      after: { status: 'Blocked' },
      status: 201,
    });
    expect(await newest('smart-charging')).toMatchObject({ resource: { type: 'sites', id: 'SITE-EMB' }, after: { siteId: 'SITE-EMB' }, status: 201 });
    expect(await newest('pki')).toMatchObject({ route: '/revocations', body: { serialNumber: '0abc' }, status: expect.any(Number) });
  });
});
