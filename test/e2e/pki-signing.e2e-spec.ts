import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation, createCertificateRequest } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { signedStation } from '@test/support/signed-station';
import { tearDown } from '@test/support/e2e-teardown';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { TestPki } from '@test/support/test-pki';
import { basicAuth, connectStation } from '@test/support/ws-station';
import type { RawData, WebSocket } from 'ws';

const ORGANIZATION = 'CSMS E2E Operator';
const PASSWORD = 'pki-signing-password';
const PASSPHRASE = 'pki-signing-e2e-passphrase-0123456789';

/** A bare 2.0.1 station on a raw socket: sends SignCertificate, answers CertificateSigned with Accepted and keeps each chain. */
class RawStation {
  readonly chains: string[] = [];
  private readonly answers = new Map<string, (frame: unknown[]) => void>();
  private sequence = 0;

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: RawData) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) {
        const isSigned = frame[2] === 'CertificateSigned';
        if (isSigned) this.chains.push((frame[3] as { certificateChain: string }).certificateChain);
        socket.send(JSON.stringify(isSigned ? [3, frame[1], { status: 'Accepted' }] : [4, frame[1], 'NotImplemented', 'raw test station', {}]));
        return;
      }
      this.answers.get(String(frame[1]))?.(frame);
    });
  }

  call(action: string, payload: unknown): Promise<unknown[]> {
    const id = `raw-${(this.sequence += 1)}`;
    return new Promise((resolve) => {
      this.answers.set(id, resolve);
      this.socket.send(JSON.stringify([2, id, action, payload]));
    });
  }
}

/**
 * The signing flow end to end on real Kafka and PostgreSQL: security teams create a root and an
 * issuing sub-CA through the PKI's REST API; 2.0.1 and 1.6 (security extension) simulator stations
 * send CSRs made from their own keys, receive CertificateSigned and reconnect on security profile
 * 3 with that certificate, which the gateway verifies against our root exported from the API.
 */
describe('PKI signing', () => {
  const prefix = uniqueTopicPrefix('pkisign');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  const sockets: WebSocket[] = [];
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let serverPki: TestPki;
  let wsUrl: string;
  let wssUrl: string;
  let root: Json;
  let subCa: Json;

  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const register = async (id: string, serialNumber: string) =>
    expect((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD, serialNumber })).status).toBe(201);
  const signingRequests = (stationId: string) => call(pki, 'GET', `/api/certificate-signing-requests?stationId=${stationId}`, 'viewer');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-signing-'));
    database = await createTestDatabase('pki_signing');
    serverPki = await TestPki.create('E2E server CA');
    const server = await serverPki.issueServer('ecdsa');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    pki = await freePort().then((port) =>
      startService('pki', { ...env, PKI_KEY_DIR: path.join(dir, 'keys'), PKI_CA_KEY_PASSPHRASE: PASSPHRASE, PKI_CERT_ORGANIZATION: ORGANIZATION }, port),
    );
    await waitUntilReady(pki);

    const createdRoot = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'E2E Root', role: 'root', commonName: 'E2E CSMS Root', organization: ORGANIZATION, keyType: 'EC-P384', validityDays: 3650 });
    expect(createdRoot.status).toBe(201);
    root = createdRoot.body;
    const createdSub = await call(pki, 'POST', '/api/certificate-authorities', 'admin', {
      name: 'E2E Station Sub-CA',
      role: 'stationSubCa',
      parentId: root.id,
      commonName: 'E2E Station Sub-CA',
      organization: ORGANIZATION,
      validityDays: 1000,
    });
    expect(createdSub.status).toBe(201);
    subCa = createdSub.body;

    // The root as the gateway trusts it: downloaded from the PKI's API.
    const download = await fetch(`${pki.baseUrl}/api/certificate-authorities/${String(root.id)}/certificate.pem`, { headers: { authorization: `Bearer ${api.tokens.viewer}` } });
    expect(download.headers.get('content-type')).toContain('application/x-pem-file');
    const caFile = path.join(dir, 'csms-root.pem');
    writeFileSync(caFile, await download.text());

    const [httpPort, wsPort, wssPort] = await Promise.all([freePort(), freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    wssUrl = `wss://127.0.0.1:${wssPort}/ocpp`;
    connection = startService(
      'connection',
      {
        ...env,
        OCPP_WS_PORT: String(wsPort),
        OCPP_WSS_PORT: String(wssPort),
        OCPP_TLS_CERT_FILES: server.certFile,
        OCPP_TLS_KEY_FILES: server.keyFile,
        OCPP_TLS_CA_FILE: caFile,
        OCPP_CERT_ORGANIZATION: ORGANIZATION,
        OCPP_UNKNOWN_STATIONS: 'reject',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(() => tearDown({ sockets, stations, services: [connection, pki], database, dir }));

  it('keeps the CAs with their certificates and never a key', async () => {
    const listed = await call(pki, 'GET', '/api/certificate-authorities', 'viewer');
    expect(listed.status).toBe(200);
    expect(listed.body.items?.map((ca) => [ca.name, ca.role, ca.active])).toEqual([
      ['E2E Root', 'root', false],
      ['E2E Station Sub-CA', 'stationSubCa', true],
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/PRIVATE KEY|keyReference|\.key\.pem/);
    expect(subCa.crlUrl).toBe(`http://localhost:${new URL(pki.baseUrl).port}/api/crls/${String(subCa.id)}`);
    const subCertificate = new X509Certificate(String(subCa.certificatePem));
    expect(subCertificate.verify(new X509Certificate(String(root.certificatePem)).publicKey)).toBe(true);
    expect((await call(pki, 'POST', '/api/certificate-authorities', 'viewer', { name: 'x', role: 'root', commonName: 'x', validityDays: 1 })).status).toBe(403);
  });

  it.each([
    ['SIGN-201', '2.0.1', 'SN-SIGN-201'],
    ['SIGN-16', '1.6', 'SN-SIGN-16'],
  ] as const)('signs the CSR of %s (OCPP %s) and lets it reconnect on security profile 3 with the certificate', async (id, version, serialNumber) => {
    const { station, identity } = await signedStation({ id, version, serialNumber, organization: ORGANIZATION, wsUrl, password: PASSWORD, api, connection, pki });
    stations.push(station);
    const leaf = new X509Certificate(identity.certPem);
    expect(leaf.subject.split('\n')).toEqual([`O=${ORGANIZATION}`, `CN=${serialNumber}`]);
    expect(leaf.verify(new X509Certificate(String(subCa.certificatePem)).publicKey)).toBe(true);
    expect(leaf.checkPrivateKey(createPrivateKey(identity.keyPem))).toBe(true);

    const recorded = await eventually(
      `${id}'s request issued and delivered`,
      async () => {
        const item = (await signingRequests(id)).body.items?.[0];
        return item?.status === 'issued' && item.delivery === 'accepted' ? item : undefined;
      },
      30_000,
      [pki],
    );
    expect(recorded.certificateSerial).toBe(leaf.serialNumber.toLowerCase().replace(/^0+/, ''));
    const inventory = await call(pki, 'GET', `/api/issued-certificates?stationId=${id}`, 'viewer');
    expect(inventory.body.items?.map((item) => [item.serialNumber, item.issuerCaId, item.certificateType])).toEqual([[recorded.certificateSerial, subCa.id, 'ChargingStationCertificate']]);

    // Profile 3: the station may now only come in with a client certificate, and comes in with the one it was given.
    await station.dispose();
    expect([200, 201]).toContain((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 3, serialNumber })).status);
    const upgraded = new SimulatedStation({
      id,
      version,
      identity: { serialNumber },
      connection: { url: wssUrl, securityProfile: 3, ca: readFileSync(serverPki.caFile, 'utf8'), cert: identity.certPem, key: identity.keyPem },
    });
    stations.push(upgraded);
    await upgraded.connect();
    await upgraded.boot();
    expect(upgraded.registrationStatus).toBe('Accepted');
    await eventually(
      `${id} connected on profile 3`,
      async () => ((await call(connection, 'GET', `/api/stations/${id}`, 'viewer')).body.live as Json | undefined)?.securityProfile === 3 || undefined,
      30_000,
      [connection],
    );
  });

  it('refuses a CSR whose CN is not the registered serial number, with its reason and a security event', async () => {
    await register('SIGN-WRONG', 'SN-REGISTERED');
    const station = new SimulatedStation({
      id: 'SIGN-WRONG',
      version: '2.0.1',
      identity: { serialNumber: 'SN-SOMEONE-ELSE' },
      organization: ORGANIZATION,
      connection: { url: wsUrl, securityProfile: 1, password: PASSWORD },
    });
    stations.push(station);
    await station.connect();
    await station.boot();
    await station.signCertificate();

    const refused = await eventually(
      'the refused request',
      async () => {
        const item = (await signingRequests('SIGN-WRONG')).body.items?.[0];
        return item?.status === 'refused' ? item : undefined;
      },
      30_000,
      [connection, pki],
    );
    expect(refused.refusalCode).toBe('wrongCommonName');
    expect(refused.reason).toBe('subject CN "SN-SOMEONE-ELSE"; expected the station\'s serial number "SN-REGISTERED"');
    const events = await eventually(
      'the security event of the refusal',
      async () => {
        const items = (await call(pki, 'GET', '/api/security-events?stationId=SIGN-WRONG&type=InvalidCsr', 'viewer')).body.items;
        return items?.length ? items : undefined;
      },
      30_000,
      [pki],
    );
    expect(events[0]).toMatchObject({ raisedByCsms: true, techInfo: expect.stringContaining('wrongCommonName') });
    expect((await call(pki, 'GET', '/api/issued-certificates?stationId=SIGN-WRONG', 'viewer')).body.items).toEqual([]);
    expect(station.certificates.clientIdentity()).toBeUndefined();
  });

  it('answers the same CSR sent twice with the same certificate, issued once', async () => {
    await register('SIGN-TWICE', 'SN-TWICE');
    const opened = await connectStation(`${wsUrl}/SIGN-TWICE`, ['ocpp2.0.1'], { headers: basicAuth('SIGN-TWICE', PASSWORD) });
    if (!opened.open) throw new Error(`SIGN-TWICE could not connect: ${opened.status}`);
    sockets.push(opened.socket);
    const station = new RawStation(opened.socket);
    const { csrPem } = createCertificateRequest('SN-TWICE', ORGANIZATION);

    expect(await station.call('SignCertificate', { csr: csrPem })).toEqual([3, expect.any(String), { status: 'Accepted' }]);
    await eventually('the first CertificateSigned', async () => (station.chains.length === 1 ? true : undefined), 30_000, [connection, pki]);
    await eventually(
      'the first delivery recorded',
      async () => ((await signingRequests('SIGN-TWICE')).body.items?.[0]?.delivery === 'accepted' ? true : undefined),
      30_000,
      [pki],
    );
    expect(await station.call('SignCertificate', { csr: csrPem })).toEqual([3, expect.any(String), { status: 'Accepted' }]);
    await eventually('the second CertificateSigned', async () => (station.chains.length === 2 ? true : undefined), 30_000, [connection, pki]);

    expect(station.chains[1]).toBe(station.chains[0]);
    expect((await signingRequests('SIGN-TWICE')).body.items).toHaveLength(1);
    expect((await call(pki, 'GET', '/api/issued-certificates?stationId=SIGN-TWICE', 'viewer')).body.items).toHaveLength(1);
  });

  it('rejects at once a SignCertificate that is not a PEM PKCS#10, with a security event', async () => {
    await register('SIGN-GARBAGE', 'SN-GARBAGE');
    const opened = await connectStation(`${wsUrl}/SIGN-GARBAGE`, ['ocpp2.0.1'], { headers: basicAuth('SIGN-GARBAGE', PASSWORD) });
    if (!opened.open) throw new Error(`SIGN-GARBAGE could not connect: ${opened.status}`);
    sockets.push(opened.socket);
    const station = new RawStation(opened.socket);
    const notACsr = '-----BEGIN CERTIFICATE REQUEST-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE REQUEST-----\n';
    expect(await station.call('SignCertificate', { csr: notACsr })).toEqual([3, expect.any(String), { status: 'Rejected' }]);
    const events = await eventually(
      'the security event of the rejection',
      async () => {
        const items = (await call(pki, 'GET', '/api/security-events?stationId=SIGN-GARBAGE&type=InvalidCsr', 'viewer')).body.items;
        return items?.length ? items : undefined;
      },
      30_000,
      [connection, pki],
    );
    expect(events[0]?.techInfo).toContain('PKCS#10');
    expect((await signingRequests('SIGN-GARBAGE')).body.items).toEqual([]);
  });

  it('keeps a V2G CSR pending without an active V2G sub-CA, and signs it once one exists under an imported V2G root', async () => {
    await register('SIGN-V2G', 'SN-V2G');
    const opened = await connectStation(`${wsUrl}/SIGN-V2G`, ['ocpp2.0.1'], { headers: basicAuth('SIGN-V2G', PASSWORD) });
    if (!opened.open) throw new Error(`SIGN-V2G could not connect: ${opened.status}`);
    sockets.push(opened.socket);
    const station = new RawStation(opened.socket);
    const { csrPem } = createCertificateRequest('SN-V2G', ORGANIZATION);
    expect(await station.call('SignCertificate', { csr: csrPem, certificateType: 'V2GCertificate' })).toEqual([3, expect.any(String), { status: 'Accepted' }]);
    const waiting = await eventually(
      'the pending V2G request',
      async () => (await signingRequests('SIGN-V2G')).body.items?.find((item) => item.reason !== null),
      30_000,
      [connection, pki],
    );
    expect(waiting).toMatchObject({ status: 'pending', certificateType: 'V2GCertificate', reason: 'no active v2gSubCa CA to sign with' });

    // A V2G root made elsewhere (openssl), imported with its encrypted key; a wrong key is refused.
    const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const makeRoot = (name: string) =>
      openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-passout', `pass:${PASSPHRASE}`,
        '-subj', `/O=${ORGANIZATION}/CN=${name}`, '-days', '365', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    makeRoot('v2g-root');
    makeRoot('other-root');
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    const mismatched = await call(pki, 'POST', '/api/certificate-authorities/import', 'admin', { name: 'Mismatched', role: 'v2gRoot', certificatePem: read('v2g-root.pem'), encryptedKeyPem: read('other-root.key') });
    expect(mismatched.status).toBe(422);
    expect(mismatched.body.detail).toContain("the CA certificate's public key is not the signer's key");
    const imported = await call(pki, 'POST', '/api/certificate-authorities/import', 'admin', { name: 'Imported V2G Root', role: 'v2gRoot', certificatePem: read('v2g-root.pem'), encryptedKeyPem: read('v2g-root.key') });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ role: 'v2gRoot', subject: `O=${ORGANIZATION}, CN=v2g-root`, keyStorage: 'file' });
    const v2gSub = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'V2G Sub-CA', role: 'v2gSubCa', parentId: imported.body.id, commonName: 'V2G Sub-CA', validityDays: 200 });
    expect(v2gSub.status).toBe(201);

    // The sweep retries the pending request with the now active V2G sub-CA.
    await eventually('the V2G CertificateSigned', async () => (station.chains.length === 1 ? true : undefined), 60_000, [connection, pki]);
    const leaf = new X509Certificate(station.chains[0] ?? '');
    expect(leaf.verify(new X509Certificate(String(v2gSub.body.certificatePem)).publicKey)).toBe(true);
    const issued = await call(pki, 'GET', `/api/issued-certificates?caId=${String(v2gSub.body.id)}`, 'viewer');
    expect(issued.body.items?.map((item) => [item.stationId, item.certificateType])).toEqual([['SIGN-V2G', 'V2GCertificate']]);
    const expiring = await call(pki, 'GET', '/api/issued-certificates?expiringWithinDays=300', 'viewer');
    expect(expiring.body.items?.map((item) => item.stationId)).toEqual(['SIGN-V2G']);
  });
});
