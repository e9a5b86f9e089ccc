import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { signedStation } from '@test/support/signed-station';
import { threeFeederSite } from '@test/support/site-fixtures';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import type { RawData, WebSocket } from 'ws';

const call = (id: string, action: string, payload: unknown) => JSON.stringify([2, id, action, payload]);
const boot16 = { chargePointVendor: 'Acme', chargePointModel: 'AC-22' };
const ORGANIZATION = 'CSMS E2E Operator';
const STATION_PASSWORD = 'tenants-e2e-station-password';
const ids = (body: Json) => (body.items ?? []).map((item) => item.id ?? item.siteId ?? item.stationId);

/**
 * Tenant scoping end to end (docs/adr/037-tenant-scoping.md), in distributed mode with real
 * Kafka and PostgreSQL (connection, smart-charging and pki as their own processes): two tenants'
 * admin tokens and a tenant-less admin. Each tenant sees only its own stations, sites and
 * certificates and what belongs to them; the other's ids answer 404 exactly as unknown ones,
 * on reads and on mutations, and change nothing; the tenant-less admin sees everything and
 * assigns stations registered on first contact.
 */
describe('tenant scoping', () => {
  const api = new OperatorApiClient({ acme: { roles: ['admin'], tenant: 'acme' }, globex: { roles: ['admin'], tenant: 'globex' } });
  type As = 'acme' | 'globex' | 'admin';
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let smartCharging: ServiceProcess;
  let pki: ServiceProcess;
  const simulated: SimulatedStation[] = [];
  let wsUrl: string;
  const sockets: WebSocket[] = [];
  /** Per booted station: the actions of the calls the CSMS made to it after its boot. */
  const callsTo = new Map<string, string[]>();
  const request = (method: string, route: string, as: As, body?: unknown) => api.call(connection.baseUrl, method, route, as, body);
  const sites = (method: string, route: string, as: As, body?: unknown) => api.call(smartCharging.baseUrl, method, route, as, body);
  const certificates = (method: string, route: string, as: As, body?: unknown) => api.call(pki.baseUrl, method, route, as, body);

  async function bootedStation(stationId: string): Promise<WebSocket> {
    const opened = await connectStation(`${wsUrl}/${stationId}`, ['ocpp1.6']);
    if (!opened.open) throw new Error(`${stationId} could not connect: ${opened.status} ${opened.body}`);
    sockets.push(opened.socket);
    expect(await exchange(opened.socket, call('b1', 'BootNotification', boot16), 15_000)).toEqual([3, 'b1', expect.objectContaining({ status: 'Accepted' })]);
    const calls: string[] = [];
    callsTo.set(stationId, calls);
    // Profiles are accepted, as by a station that holds them; nextAnswer answers other calls.
    opened.socket.on('message', (data: RawData) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] !== 2) return;
      calls.push(String(frame[2]));
      if (frame[2] === 'SetChargingProfile') opened.socket.send(JSON.stringify([3, frame[1], { status: 'Accepted' }]));
    });
    return opened.socket;
  }

  async function startTransaction(socket: WebSocket, idTag: string): Promise<number> {
    const answer = await exchange(socket, call(`s-${idTag}`, 'StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() }), 15_000);
    expect(answer).toEqual([3, `s-${idTag}`, expect.objectContaining({ transactionId: expect.any(Number) })]);
    return (answer[2] as { transactionId: number }).transactionId;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-tenants-'));
    database = await createTestDatabase('tenants');
    const [httpPort, wsPort, smartChargingPort, pkiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    const common = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('tenants'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      INTERNAL_API_TOKEN: `internal-${path.basename(dir)}-0123456789abcdef`,
      LOG_LEVEL: 'warn',
    };
    connection = startService('connection', { ...common, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept' }, httpPort);
    smartCharging = startService('smart-charging', { ...common, SMART_CHARGING_CONNECTION_URL: connection.baseUrl }, smartChargingPort);
    pki = startService(
      'pki',
      { ...common, PKI_KEY_DIR: path.join(dir, 'keys'), PKI_CA_KEY_PASSPHRASE: 'tenants-e2e-passphrase-0123456789', PKI_CERT_ORGANIZATION: ORGANIZATION, PKI_CONNECTION_URL: connection.baseUrl },
      pkiPort,
    );
    // Three services starting at once on a busy machine: room to spare.
    await Promise.all([waitUntilReady(connection, 240_000), waitUntilReady(smartCharging, 240_000), waitUntilReady(pki, 240_000)]);
  }, 300_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(simulated.map((station) => station.dispose()));
    await Promise.all([connection?.stop('SIGKILL'), smartCharging?.stop('SIGKILL'), pki?.stop('SIGKILL')]);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  let acmeTransaction = 0;

  it('stamps the registering token’s tenant on a new station; first contact leaves it unassigned', async () => {
    expect(await request('PUT', '/api/stations/ACME-1', 'acme', { securityProfile: 0 })).toMatchObject({ status: 201, body: { id: 'ACME-1', tenant: 'acme' } });
    expect(await request('PUT', '/api/stations/GLOBEX-1', 'globex', { securityProfile: 0 })).toMatchObject({ status: 201, body: { tenant: 'globex' } });
    expect(await request('PUT', '/api/stations/SHARED-1', 'admin', { securityProfile: 0 })).toMatchObject({ status: 201, body: { tenant: null } });
    const acme = await bootedStation('ACME-1');
    const globex = await bootedStation('GLOBEX-1');
    await bootedStation('FIRST-CONTACT-1');
    acmeTransaction = await startTransaction(acme, 'TAG-ACME');
    await startTransaction(globex, 'TAG-GLOBEX');
    expect((await request('GET', '/api/stations/FIRST-CONTACT-1', 'admin')).body).toMatchObject({ autoRegistered: true, tenant: null });
  }, 60_000);

  it('lists each tenant’s stations only, filtered in SQL so that pages stay full; the admin sees all', async () => {
    expect(ids((await request('GET', '/api/stations', 'admin')).body)).toEqual(['ACME-1', 'FIRST-CONTACT-1', 'GLOBEX-1', 'SHARED-1']);
    expect(ids((await request('GET', '/api/stations', 'globex')).body)).toEqual(['GLOBEX-1']);
    const page = await request('GET', '/api/stations?limit=1', 'acme');
    expect(page.body).toMatchObject({ items: [{ id: 'ACME-1' }], nextCursor: null });
  });

  it('answers another tenant’s and an unassigned station 404, word for word as an unknown one', async () => {
    const unknown = await request('GET', '/api/stations/NO-SUCH-1', 'acme');
    expect(unknown.status).toBe(404);
    for (const stationId of ['GLOBEX-1', 'FIRST-CONTACT-1', 'SHARED-1']) {
      const answer = await request('GET', `/api/stations/${stationId}`, 'acme');
      expect(answer).toMatchObject({ status: 404, body: { code: unknown.body.code, detail: `station ${stationId} is not registered` } });
      for (const sub of ['connectors', 'history', 'meter-values', 'alerts', 'local-list', 'device-model', 'display-messages']) {
        expect([sub, (await request('GET', `/api/stations/${stationId}/${sub}`, 'acme')).status]).toEqual([sub, 404]);
      }
    }
    expect((await request('GET', '/api/stations/ACME-1/connectors', 'acme')).status).toBe(200);
  });

  it('answers mutations of another tenant’s station 404 and changes nothing', async () => {
    const before = (await request('GET', '/api/stations/GLOBEX-1', 'admin')).body;
    expect((await request('PUT', '/api/stations/GLOBEX-1', 'acme', { securityProfile: 0, registrationStatus: 'rejected' })).status).toBe(404);
    expect((await request('POST', '/api/stations/GLOBEX-1/accept', 'acme')).status).toBe(404);
    expect((await request('POST', '/api/stations/GLOBEX-1/commands/reset', 'acme', { type: 'Soft' })).status).toBe(404);
    expect((await request('POST', '/api/stations/GLOBEX-1/rotate-password', 'acme', {})).status).toBe(404);
    expect((await request('POST', '/api/reservations', 'acme', { stationId: 'GLOBEX-1', evseId: 1, idToken: 'TAG-X', expiresAt: new Date(Date.now() + 600_000).toISOString() })).status).toBe(404);
    expect((await request('POST', '/api/local-lists/push', 'acme', { stationIds: ['ACME-1', 'GLOBEX-1'] })).status).toBe(404);
    const after = (await request('GET', '/api/stations/GLOBEX-1', 'admin')).body;
    expect({ ...after, live: undefined, lastSeenAt: undefined }).toEqual({ ...before, live: undefined, lastSeenAt: undefined });
  });

  it('keeps transactions to their station’s tenant: lists and reads by id', async () => {
    const stationsOf = async (as: As) => ((await request('GET', '/api/transactions', as)).body.items ?? []).map((item) => item.stationId);
    expect(await stationsOf('acme')).toEqual(['ACME-1']);
    expect(await stationsOf('globex')).toEqual(['GLOBEX-1']);
    expect((await stationsOf('admin')).sort()).toEqual(['ACME-1', 'GLOBEX-1']);
    expect(await request('GET', `/api/transactions/${acmeTransaction}`, 'acme')).toMatchObject({ status: 200, body: { stationId: 'ACME-1' } });
    expect((await request('GET', `/api/transactions/${acmeTransaction}`, 'globex')).status).toBe(404);
  });

  it('refuses tenant tokens where the data serves every tenant (id tokens) and where tenants are assigned', async () => {
    expect((await request('GET', '/api/id-tokens', 'acme')).status).toBe(403);
    expect((await request('PUT', '/api/stations/ACME-1/tenant', 'acme', { tenant: 'globex' })).status).toBe(403);
    expect((await request('GET', '/api/stations/ACME-1', 'admin')).body).toMatchObject({ tenant: 'acme' });
  });

  it('lets the tenant-less admin assign a first-contact station, which its tenant then sees', async () => {
    expect(await request('PUT', '/api/stations/FIRST-CONTACT-1/tenant', 'admin', { tenant: 'acme' })).toMatchObject({ status: 200, body: { tenant: 'acme' } });
    expect(ids((await request('GET', '/api/stations', 'acme')).body)).toEqual(['ACME-1', 'FIRST-CONTACT-1']);
    expect((await request('GET', '/api/stations/FIRST-CONTACT-1', 'globex')).status).toBe(404);
    expect((await request('PUT', '/api/stations/FIRST-CONTACT-1/tenant', 'admin', { tenant: 'not a tenant' })).status).toBe(400);
    expect((await request('PUT', '/api/stations/NO-SUCH-1/tenant', 'admin', { tenant: 'acme' })).status).toBe(404);
  });

  describe('sites', () => {
    it('stamps the creating token’s tenant on a site, and lists each tenant’s sites only', async () => {
      // A tenant's site holds only its tenant's stations: they are registered first.
      for (const [prefix, tenant] of [['SA', 'acme'], ['SG', 'globex']] as const) {
        for (const n of [1, 2, 3]) expect((await request('PUT', `/api/stations/${prefix}-${n}`, tenant, { securityProfile: 0 })).status).toBe(201);
      }
      expect(await sites('POST', '/api/sites', 'acme', threeFeederSite('SITE-ACME', 'SA'))).toMatchObject({ status: 201, body: { siteId: 'SITE-ACME', tenant: 'acme' } });
      expect(await sites('POST', '/api/sites', 'globex', threeFeederSite('SITE-GLOBEX', 'SG'))).toMatchObject({ status: 201, body: { tenant: 'globex' } });
      expect(ids((await sites('GET', '/api/sites', 'acme')).body)).toEqual(['SITE-ACME']);
      expect((await sites('GET', '/api/sites?limit=1', 'globex')).body).toMatchObject({ items: [{ siteId: 'SITE-GLOBEX' }], nextCursor: null });
      expect(ids((await sites('GET', '/api/sites', 'admin')).body)).toEqual(['SITE-ACME', 'SITE-GLOBEX']);
    });

    it('answers another tenant’s site, its nodes, limits, audit, allocation and draw history, and its stations 404 as unknown ones', async () => {
      const unknown = await sites('GET', '/api/sites/SITE-NONE', 'acme');
      expect(unknown).toMatchObject({ status: 404, body: { code: 'site-not-found' } });
      expect(await sites('GET', '/api/sites/SITE-GLOBEX', 'acme')).toMatchObject({ status: 404, body: { code: 'site-not-found', detail: 'there is no site SITE-GLOBEX' } });
      for (const sub of ['nodes/F1', 'nodes/F1/limits', 'audit', 'allocation', 'deviations', 'draw-history', 'nodes/F1/draw-history']) {
        expect([sub, (await sites('GET', `/api/sites/SITE-GLOBEX/${sub}`, 'acme')).status]).toEqual([sub, 404]);
      }
      expect((await sites('GET', '/api/topology/stations/SG-1', 'acme')).status).toBe(404);
      expect((await sites('GET', '/api/topology/stations/SA-1', 'acme')).status).toBe(200);
      expect((await sites('GET', '/api/sites/SITE-ACME/nodes/F1', 'acme')).status).toBe(200);
    });

    it('answers mutations of another tenant’s site 404 and changes nothing', async () => {
      const before = (await sites('GET', '/api/sites/SITE-GLOBEX', 'admin')).body;
      expect((await sites('DELETE', '/api/sites/SITE-GLOBEX', 'acme')).status).toBe(404);
      expect((await sites('PATCH', '/api/sites/SITE-GLOBEX/nodes/F1', 'acme', { label: 'taken', version: 1 })).status).toBe(404);
      expect((await sites('PUT', '/api/sites/SITE-GLOBEX/nodes/F1/limits/operator', 'acme', { slots: [] })).status).toBe(404);
      expect((await sites('GET', '/api/sites/SITE-GLOBEX', 'admin')).body).toEqual(before);
    });

    it('refuses another tenant’s, an unassigned and an unknown station in a tenant’s site alike, and changes nothing', async () => {
      const before = (await sites('GET', '/api/sites/SITE-ACME', 'admin')).body;
      const charger = (stationId: string) => ({ kind: 'charger', parentId: 'F2', stationId, rating: { maxA: 16, phases: 1 } });
      const unknown = await sites('POST', '/api/sites/SITE-ACME/nodes', 'acme', charger('NO-SUCH-1'));
      expect(unknown).toMatchObject({ status: 422, body: { code: 'station-not-found', errors: [{ field: 'body.stationId', message: "station NO-SUCH-1 is not registered in the site's tenant" }] } });
      for (const stationId of ['GLOBEX-1', 'SHARED-1']) {
        const answer = await sites('POST', '/api/sites/SITE-ACME/nodes', 'acme', charger(stationId));
        expect(answer).toMatchObject({ status: 422, body: { code: 'station-not-found', detail: String(unknown.body.detail).replace('NO-SUCH-1', stationId) } });
      }
      expect(await sites('PATCH', '/api/sites/SITE-ACME/nodes/SA-1', 'acme', { stationId: 'GLOBEX-1', version: 1 })).toMatchObject({ status: 422, body: { code: 'station-not-found' } });
      expect(await sites('POST', '/api/sites', 'acme', threeFeederSite('SITE-ACME-2', 'SG'))).toMatchObject({ status: 422, body: { code: 'station-not-found' } });
      expect((await sites('GET', '/api/sites/SITE-ACME', 'admin')).body).toEqual(before);
      expect((await sites('GET', '/api/sites/SITE-ACME-2', 'admin')).status).toBe(404);
      expect((await sites('GET', '/api/topology/stations/GLOBEX-1', 'admin')).status).toBe(404);
    });

    it('sends profiles to the tenant’s own station in its site, and none to the station it was refused', async () => {
      const charger = { kind: 'charger', parentId: 'F2', stationId: 'ACME-1', rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] };
      expect((await sites('POST', '/api/sites/SITE-ACME/nodes', 'acme', charger)).status).toBe(201);
      // The plan that sends ACME-1 its profiles comes after the refusals above: had GLOBEX-1 been
      // let into the site, it would have been planned and sent profiles by then too.
      await eventually('ACME-1 is sent its charging profiles', async () => ((callsTo.get('ACME-1') ?? []).includes('SetChargingProfile') ? true : undefined), 90_000);
      expect(callsTo.get('GLOBEX-1') ?? []).not.toContain('SetChargingProfile');
    }, 120_000);

    it('stops sending profiles to a station of the site once it is moved to another tenant', async () => {
      const withheld = async () => {
        const line = (await (await fetch(`${smartCharging.baseUrl}/metrics`)).text()).split('\n').find((text) => text.startsWith('csms_smart_charging_tenant_withheld_total{reason="foreign"}'));
        return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
      };
      const replan = async (maxA: number) => {
        const route = `/api/sites/SITE-ACME/nodes/${encodeURIComponent('ACME-1:1')}`;
        const evse = (await sites('GET', route, 'admin')).body;
        expect((await sites('PATCH', route, 'admin', { version: evse.version, maxA })).status).toBe(200);
      };
      expect(await withheld()).toBe(0);
      expect((await request('PUT', '/api/stations/ACME-1/tenant', 'admin', { tenant: 'globex' })).status).toBe(200);
      // Dispatch may trust the tenant's station list for a few seconds: plans until one withholds ACME-1.
      await eventually('a plan of SITE-ACME withholds ACME-1', async () => ((await withheld()) > 0 ? true : (await replan(30), undefined)), 90_000);
      const sent = (callsTo.get('ACME-1') ?? []).filter((action) => action === 'SetChargingProfile').length;
      await replan(10);
      // Plans are one at a time per site: of two that withhold after the change was committed, the
      // second began after it, so it read the lower EVSE limit (a profile it would have sent).
      const counted = await withheld();
      await eventually('SITE-ACME is planned twice after the change', async () => ((await withheld()) >= counted + 2 ? true : (await replan(10), undefined)), 90_000);
      expect((callsTo.get('ACME-1') ?? []).filter((action) => action === 'SetChargingProfile').length).toBe(sent);
      expect((await request('PUT', '/api/stations/ACME-1/tenant', 'admin', { tenant: 'acme' })).status).toBe(200);
    }, 200_000);

    it('leaves assigning sites, and the grid connections of the deployment, to tenant-less admins', async () => {
      expect((await sites('PUT', '/api/sites/SITE-ACME/tenant', 'acme', { tenant: 'globex' })).status).toBe(403);
      expect((await sites('GET', '/api/oscp/capacity-providers', 'acme')).status).toBe(403);
      // A site is not moved to a tenant while it holds stations of another.
      expect(await sites('PUT', '/api/sites/SITE-ACME/tenant', 'admin', { tenant: 'globex' })).toMatchObject({ status: 422, body: { code: 'station-not-found' } });
      expect((await sites('GET', '/api/sites/SITE-ACME', 'acme')).body).toMatchObject({ tenant: 'acme' });
      expect(await sites('POST', '/api/sites', 'admin', { siteId: 'SITE-SPARE', children: [] })).toMatchObject({ status: 201, body: { tenant: null } });
      expect(await sites('PUT', '/api/sites/SITE-SPARE/tenant', 'admin', { tenant: 'globex' })).toMatchObject({ status: 200, body: { tenant: 'globex' } });
      expect((await sites('GET', '/api/sites/SITE-SPARE', 'acme')).status).toBe(404);
      expect(ids((await sites('GET', '/api/sites', 'globex')).body)).toEqual(['SITE-GLOBEX', 'SITE-SPARE']);
    });
  });

  describe('certificates', () => {
    const serials: Record<string, string> = {};

    beforeAll(async () => {
      const root = await certificates('POST', '/api/certificate-authorities', 'admin', { name: 'Root', role: 'root', commonName: 'Tenants E2E Root', organization: ORGANIZATION, keyType: 'EC-P384', validityDays: 3650 });
      expect(root.status).toBe(201);
      const subCa = { name: 'Stations', role: 'stationSubCa', parentId: root.body.id, commonName: 'Tenants E2E Station Sub-CA', organization: ORGANIZATION, validityDays: 1000 };
      expect((await certificates('POST', '/api/certificate-authorities', 'admin', subCa)).status).toBe(201);
      for (const [stationId, tenant] of [['ACME-PKI', 'acme'], ['GLOBEX-PKI', 'globex']] as const) {
        const { station } = await signedStation({ id: stationId, version: '2.0.1', serialNumber: `SN-${stationId}`, organization: ORGANIZATION, wsUrl, password: STATION_PASSWORD, api, connection, pki });
        simulated.push(station);
        expect((await request('PUT', `/api/stations/${stationId}/tenant`, 'admin', { tenant })).status).toBe(200);
        serials[stationId] = await eventually(`${stationId}'s certificate is inventoried`, async () => {
          const [issued] = (await certificates('GET', `/api/issued-certificates?stationId=${stationId}`, 'admin')).body.items ?? [];
          return typeof issued?.serialNumber === 'string' ? issued.serialNumber : undefined;
        });
      }
    }, 300_000);

    it('lists each tenant’s certificates, signing requests and station inventories only', async () => {
      const stationsOf = async (route: string, as: As) => [...new Set(((await certificates('GET', route, as)).body.items ?? []).map((item) => item.stationId))].sort();
      for (const route of ['/api/issued-certificates', '/api/certificate-signing-requests']) {
        expect([route, await stationsOf(route, 'acme')]).toEqual([route, ['ACME-PKI']]);
        expect([route, await stationsOf(route, 'globex')]).toEqual([route, ['GLOBEX-PKI']]);
        expect([route, await stationsOf(route, 'admin')]).toEqual([route, ['ACME-PKI', 'GLOBEX-PKI']]);
      }
      // Every station that connected has an inventory; a tenant sees those of its stations (as the registry says) only.
      for (const tenant of ['acme', 'globex'] as const) {
        const own = ids((await request('GET', '/api/stations', tenant)).body);
        await eventually(`${tenant} sees exactly its stations' inventories`, async () => {
          const all = await stationsOf('/api/station-inventories', 'admin');
          const seen = await stationsOf('/api/station-inventories', tenant);
          return seen.length > 0 && JSON.stringify(seen) === JSON.stringify(all.filter((id) => own.includes(id))) ? seen : undefined;
        });
      }
      expect(await stationsOf('/api/station-inventories', 'acme')).toContain('ACME-PKI');
      expect(await stationsOf('/api/station-inventories', 'acme')).not.toContain('GLOBEX-PKI');
    });

    it('answers another tenant’s certificate and station 404 as unknown ones, and refuses to revoke it', async () => {
      const globexSerial = serials['GLOBEX-PKI'] ?? '';
      expect(await certificates('GET', `/api/issued-certificates/${serials['ACME-PKI'] ?? ''}`, 'acme')).toMatchObject({ status: 200, body: { stationId: 'ACME-PKI' } });
      expect(await certificates('GET', `/api/issued-certificates/${globexSerial}`, 'acme')).toMatchObject({ status: 404, body: { code: 'certificate-not-found', detail: `no issued certificate ${globexSerial}` } });
      expect((await certificates('GET', '/api/station-inventories/GLOBEX-PKI', 'acme')).status).toBe(404);
      expect((await certificates('POST', '/api/revocations', 'acme', { serialNumber: globexSerial, reason: 'keyCompromise' })).status).toBe(404);
      expect((await certificates('GET', `/api/revocations?serialNumber=${globexSerial}`, 'admin')).body.items).toEqual([]);
    });

    it('shares the certificate authorities: every tenant reads them, only tenant-less admins change them', async () => {
      expect((await certificates('GET', '/api/certificate-authorities', 'acme')).status).toBe(200);
      expect((await certificates('POST', '/api/certificate-authorities', 'acme', { name: 'Mine', role: 'root', commonName: 'Acme Root', organization: ORGANIZATION, keyType: 'EC-P384', validityDays: 365 })).status).toBe(403);
    });
  });
});
