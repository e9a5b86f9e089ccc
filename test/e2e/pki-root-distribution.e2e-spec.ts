import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { certificateHashData } from '@app/pki/inventory/certificate-hash-data';
import { fromPem } from '@app/pki/x509/pem-certificate';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const PASSPHRASE = 'pki-root-distribution-e2e-passphrase-0123';
const PASSWORD = 'pki-root-distribution-password';
const ONLINE = ['RD-201', 'RD-16'] as const;
const OFFLINE = 'RD-OFF';

/** A self-signed CA certificate made by openssl, independent of our code. */
function opensslRoot(dir: string, name: string): string {
  const config = path.join(dir, 'root.cnf');
  writeFileSync(config, '[req]\ndistinguished_name = dn\n[dn]\n[ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n[leaf]\nbasicConstraints = critical,CA:FALSE\n');
  const extensions = name.startsWith('leaf') ? 'leaf' : 'ca';
  const out = path.join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-config', config, '-extensions', extensions, '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(dir, `${name}.key`), '-subj', `/CN=${name}`, '-days', '20', '-out', out], { stdio: 'pipe' });
  return readFileSync(out, 'utf8');
}

/** The hash data inventory/certificate-hash-data.ts computes for a self-signed PEM. */
const hashOf = (pem: string) => {
  const der = fromPem(pem) as Buffer;
  return { ...certificateHashData(der, der) };
};

/**
 * Root distribution end to end on real Kafka and PostgreSQL with simulator stations of both OCPP
 * versions: install with an offline station in the batch, the inventory with hash data as we
 * compute them, a rollover that deletes the old root only after every station listed the new one
 * (and holds it when one cannot), a delete that removes exactly the certificate named, and a job
 * resumed after the PKI was killed.
 */
describe('PKI root distribution and installed-certificate inventory', () => {
  const prefix = uniqueTopicPrefix('pkiroots');
  const api = new OperatorApiClient();
  const stations = new Map<string, SimulatedStation>();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let pkiEnv: Record<string, string>;
  let pkiPort: number;
  let wsUrl: string;
  let oldRoot: Json;
  let newRootPem: string;

  const call = (method: string, route: string, as: Role, body?: unknown) => api.call(pki.baseUrl, method, route, as, body);
  const finished = (jobId: string, timeoutMs = 90_000) =>
    eventually(
      `job ${jobId} finished`,
      async () => {
        const job = (await call('GET', `/api/root-distribution-jobs/${jobId}`, 'viewer')).body;
        return job.status !== 'running' ? job : undefined;
      },
      timeoutMs,
      [pki, connection],
    );
  const stationsOf = (job: Json) => new Map((job.stations as Json[]).map((station) => [String(station.stationId), station]));
  const installedOn = (id: string) => (stations.get(id)?.certificates.list() ?? []).map((entry) => entry.hashData);
  const inventoryOf = async (id: string) => ((await call('GET', `/api/installed-certificates?stationId=${id}`, 'viewer')).body.items ?? []) as Json[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-roots-'));
    database = await createTestDatabase('pki_roots');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    pkiEnv = { ...env, PKI_KEY_DIR: path.join(dir, 'keys'), PKI_CA_KEY_PASSPHRASE: PASSPHRASE, PKI_CERT_ORGANIZATION: 'E2E Roots' };
    pkiPort = await freePort();
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    pki = startService('pki', pkiEnv, pkiPort);
    connection = startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'accept' }, httpPort);
    await Promise.all([waitUntilReady(pki), waitUntilReady(connection)]);

    const created = await call('POST', '/api/certificate-authorities', 'admin', { name: 'Old CSMS Root', role: 'root', commonName: 'Old CSMS Root', keyType: 'EC-P256', validityDays: 30 });
    expect(created.status).toBe(201);
    oldRoot = created.body;
    newRootPem = opensslRoot(dir, 'New CSMS Root');

    // RD-16 is registered on profile 1 (Basic auth); the others register themselves on profile 0.
    expect((await api.call(connection.baseUrl, 'PUT', '/api/stations/RD-16', 'admin', { securityProfile: 1, password: PASSWORD })).status).toBe(201);
    for (const [id, version] of [[ONLINE[0], '2.0.1'], [ONLINE[1], '1.6'], [OFFLINE, '2.0.1']] as const) {
      const security = id === 'RD-16' ? ({ securityProfile: 1, password: PASSWORD } as const) : ({ securityProfile: 0 } as const);
      const station = new SimulatedStation({ id, version, connection: { url: wsUrl, ...security } });
      stations.set(id, station);
      await station.connect();
      await station.boot();
    }
    await eventually(
      'the PKI knows all three stations',
      async () => ((await call('GET', '/api/station-inventories', 'viewer')).body.items?.length === 3 ? true : undefined),
      30_000,
      [pki],
    );
    // RD-OFF has been seen, so "all stations" includes it, but it is gone now.
    await stations.get(OFFLINE)?.dispose();
    stations.delete(OFFLINE);
    await eventually(
      'RD-OFF disconnected',
      async () => ((await api.call(connection.baseUrl, 'GET', `/api/stations/${OFFLINE}`, 'viewer')).body.live as Json | undefined)?.connected === false || undefined,
      30_000,
      [connection],
    );
  });

  afterAll(async () => {
    await Promise.all([...stations.values()].map((station) => station.dispose()));
    await Promise.all([connection, pki].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every station with its version, the profile it connected on and the minimum its registration allows', async () => {
    const listed = await call('GET', '/api/station-inventories', 'viewer');
    expect(listed.body.items?.map((item) => [item.stationId, item.protocol, item.securityProfile, item.minimumSecurityProfile])).toEqual([
      ['RD-16', '1.6', 1, 1],
      ['RD-201', '2.0.1', 0, 0],
      [OFFLINE, '2.0.1', 0, 0],
    ]);
    const profileOne = await call('GET', '/api/station-inventories?minimumSecurityProfile=1', 'viewer');
    expect(profileOne.body.items?.map((item) => item.stationId)).toEqual(['RD-16']);
    expect((await call('GET', '/api/station-inventories?minimumSecurityProfile=7', 'viewer')).status).toBe(400);
    expect((await call('GET', '/api/station-inventories/NOPE', 'viewer')).status).toBe(404);
  });

  it('refuses what cannot be a root before sending anything, and non-admins', async () => {
    const base = { kind: 'install', certificateType: 'CSMSRootCertificate', stationIds: [...ONLINE] };
    const notCa = await call('POST', '/api/root-distribution-jobs', 'admin', { ...base, certificatePem: opensslRoot(dir, 'leaf-not-ca') });
    expect([notCa.status, notCa.body.code]).toEqual([422, 'certificate-notCa']);
    const junk = await call('POST', '/api/root-distribution-jobs', 'admin', { ...base, certificatePem: 'not a pem' });
    expect([junk.status, junk.body.code]).toEqual([422, 'certificate-unreadable']);
    const both = await call('POST', '/api/root-distribution-jobs', 'admin', { ...base, certificatePem: newRootPem, allStations: true });
    expect(both.status).toBe(400);
    expect((await call('POST', '/api/root-distribution-jobs', 'operator', { ...base, certificatePem: newRootPem })).status).toBe(403);
    expect((await call('GET', '/api/root-distribution-jobs', 'viewer')).body.items).toEqual([]);
    expect(installedOn(ONLINE[0])).toEqual([]);
  });

  it('installs a root on three stations, says which was offline, and inventories it with our hash data', async () => {
    const started = await call('POST', '/api/root-distribution-jobs', 'admin', { kind: 'install', certificateType: 'CSMSRootCertificate', certificatePem: oldRoot.certificatePem, stationIds: [...ONLINE, OFFLINE] });
    expect([started.status, started.body.status]).toEqual([202, 'running']);
    const job = await finished(String(started.body.id));
    expect([job.status, job.phase, job.counts]).toEqual(['partiallyFailed', 'finished', { accepted: 2, offline: 1 }]);
    const byStation = stationsOf(job);
    expect((byStation.get(OFFLINE)?.installAnswer as Json).status).toBe('not-connected');
    const expected = hashOf(String(oldRoot.certificatePem));
    for (const id of ONLINE) {
      expect(byStation.get(id)).toMatchObject({ install: 'accepted', installAnswer: { status: 'accepted' } });
      expect(byStation.get(id)?.confirmedAt).toEqual(expect.any(String));
      expect(installedOn(id)).toEqual([expected]);
      expect((await inventoryOf(id)).map((item) => [item.certificateType, item.hashData, item.caId, item.subject])).toEqual([
        ['CSMSRootCertificate', expected, oldRoot.id, 'CN=Old CSMS Root'],
      ]);
    }
    const byCa = await call('GET', `/api/installed-certificates?caId=${String(oldRoot.id)}`, 'viewer');
    expect(byCa.body.items?.map((item) => item.stationId)).toEqual(['RD-16', 'RD-201']);
    expect((await call('GET', '/api/installed-certificates?expiringWithinDays=31', 'viewer')).body.items).toHaveLength(2);
    expect((await call('GET', '/api/installed-certificates?expiringWithinDays=29', 'viewer')).body.items).toEqual([]);
    // The expiry calendar counts them too (the root expires in ~30 days: within 60, in one ISO week), and names them.
    const calendar = await call('GET', '/api/certificate-expiry?days=60', 'viewer');
    expect(calendar.status).toBe(200);
    const weeks = calendar.body.weeks as { weekStart: string; installed: number }[];
    expect(weeks.reduce((sum, week) => sum + week.installed, 0)).toBe(2);
    expect((calendar.body.totals as { withinDays: number; installed: number }[]).find((total) => total.withinDays === 60)?.installed).toBe(2);
    const soonest = (calendar.body.soonest as { installed: { stationId: string; certificateType: string; subject?: string }[] }).installed;
    expect(soonest.map((item) => [item.stationId, item.certificateType, item.subject])).toEqual([
      ['RD-16', 'CSMSRootCertificate', 'CN=Old CSMS Root'],
      ['RD-201', 'CSMSRootCertificate', 'CN=Old CSMS Root'],
    ]);
    const detail = await call('GET', '/api/station-inventories/RD-16', 'viewer');
    expect([detail.body.installedCount, detail.body.inventoryReadAt !== undefined]).toEqual([1, true]);
  });

  it('rolls the CSMS root over: the old one is deleted only after every station listed the new one', async () => {
    const oldHash = hashOf(String(oldRoot.certificatePem));
    const newHash = hashOf(newRootPem);
    const started = await call('POST', '/api/root-distribution-jobs', 'admin', { kind: 'rollover', certificatePem: newRootPem, oldHashData: oldHash, stationIds: [...ONLINE] });
    expect(started.status).toBe(202);
    const job = await finished(String(started.body.id));
    expect([job.status, job.phase]).toEqual(['done', 'finished']);
    const steps = [...stationsOf(job).values()];
    const lastConfirmation = Math.max(...steps.map((step) => Date.parse(String(step.confirmedAt))));
    const firstDelete = Math.min(...steps.map((step) => Date.parse(String(step.deleteAt))));
    expect(firstDelete).toBeGreaterThanOrEqual(lastConfirmation);
    expect(steps.map((step) => [step.delete, step.keepsOldRoot])).toEqual([
      ['accepted', false],
      ['accepted', false],
    ]);
    for (const id of ONLINE) {
      expect(installedOn(id)).toEqual([newHash]);
      expect((await inventoryOf(id)).map((item) => item.hashData)).toEqual([newHash]);
    }
  });

  it('holds the old root everywhere when a station of the batch cannot take the new one', async () => {
    const current = hashOf(newRootPem);
    const next = hashOf(String(oldRoot.certificatePem));
    const started = await call('POST', '/api/root-distribution-jobs', 'admin', { kind: 'rollover', certificatePem: oldRoot.certificatePem, oldHashData: current, allStations: true });
    expect(started.status).toBe(202);
    const job = await finished(String(started.body.id));
    expect([job.status, job.phase]).toEqual(['partiallyFailed', 'holdingOldRoot']);
    const byStation = stationsOf(job);
    expect(byStation.get(OFFLINE)).toMatchObject({ install: 'offline', keepsOldRoot: true });
    for (const id of ONLINE) {
      expect(byStation.get(id)).toMatchObject({ install: 'accepted', keepsOldRoot: true });
      expect(byStation.get(id)?.delete).toBeUndefined();
      expect(installedOn(id)).toEqual(expect.arrayContaining([current, next]));
      expect(installedOn(id)).toHaveLength(2);
    }
  });

  it('deletes exactly the certificate named by its hash data', async () => {
    const removed = hashOf(newRootPem);
    const kept = hashOf(String(oldRoot.certificatePem));
    const started = await call('POST', '/api/root-distribution-jobs', 'admin', { kind: 'delete', hashData: removed, stationIds: [ONLINE[0]] });
    const job = await finished(String(started.body.id));
    expect([job.status, stationsOf(job).get(ONLINE[0])?.delete]).toEqual(['done', 'accepted']);
    expect(installedOn(ONLINE[0])).toEqual([kept]);
    expect((await inventoryOf(ONLINE[0])).map((item) => item.hashData)).toEqual([kept]);
    expect(installedOn(ONLINE[1])).toHaveLength(2);
  });

  it('reads a station’s inventory on demand', async () => {
    stations.get(ONLINE[1])?.certificates.remove(hashOf(newRootPem));
    const refreshed = await call('POST', `/api/station-inventories/${ONLINE[1]}/refresh`, 'admin');
    expect([refreshed.status, refreshed.body.status]).toEqual([200, 'read']);
    expect((refreshed.body.installed as Json[]).map((item) => item.hashData)).toEqual([hashOf(String(oldRoot.certificatePem))]);
    const offline = await call('POST', `/api/station-inventories/${OFFLINE}/refresh`, 'admin');
    expect([offline.status, offline.body.status]).toEqual([200, 'failed']);
    expect((await call('GET', `/api/station-inventories/${OFFLINE}`, 'viewer')).body.inventoryError).toMatch(/not-connected/);
    expect((await call('POST', `/api/station-inventories/${ONLINE[1]}/refresh`, 'viewer')).status).toBe(403);
    expect((await call('POST', `/api/station-inventories/${ONLINE[1]}/refresh`, 'operator')).status).toBe(403);
  });

  it('documents the endpoints in OpenAPI with their roles and the three job kinds', async () => {
    type Operation = { 'x-required-role'?: string; requestBody?: unknown };
    const document = (await (await fetch(`${pki.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    expect(document.paths['/api/root-distribution-jobs']?.post?.['x-required-role']).toBe('security-officer');
    expect(JSON.stringify(document.paths['/api/root-distribution-jobs']?.post?.requestBody)).toEqual(expect.stringMatching(/install.*delete.*rollover/s));
    expect(document.paths['/api/root-distribution-jobs/{jobId}']?.get?.['x-required-role']).toBe('viewer');
    expect(document.paths['/api/installed-certificates']?.get?.['x-required-role']).toBe('viewer');
    expect(document.paths['/api/certificate-expiry']?.get?.['x-required-role']).toBe('viewer');
    expect(document.paths['/api/station-inventories/{stationId}/refresh']?.post?.['x-required-role']).toBe('security-officer');
  });

  it('resumes a running job after the PKI was killed', async () => {
    // The offline station keeps the job running for a few seconds (it is asked again before it counts as offline).
    const started = await call('POST', '/api/root-distribution-jobs', 'admin', { kind: 'install', certificateType: 'ManufacturerRootCertificate', certificatePem: newRootPem, stationIds: [OFFLINE, ...ONLINE], concurrency: 1 });
    expect([started.status, started.body.status]).toEqual([202, 'running']);
    await pki.stop('SIGKILL');
    pki = startService('pki', pkiEnv, pkiPort);
    await waitUntilReady(pki);
    const job = await finished(String(started.body.id));
    expect([job.status, job.counts]).toEqual(['partiallyFailed', { accepted: 2, offline: 1 }]);
    for (const id of ONLINE) expect(stations.get(id)?.certificates.list().filter((entry) => entry.type.includes('Manufacturer'))).toHaveLength(1);
  });
});
