import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TLSSocket, connect } from 'node:tls';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const ORGANIZATION = 'CSMS E2E Operator';
const PASSPHRASE = 'pki-server-certificates-e2e-passphrase-0123';
const INTERNAL_TOKEN = 'pki-server-certificates-internal-token';
const VALIDITY_SECONDS = 30;

interface Handshake {
  readonly authorized: boolean;
  readonly cipher: string;
  readonly peer: X509Certificate;
}

/**
 * The gateway's own TLS server certificates from our PKI, on real Kafka and PostgreSQL: the
 * connection starts without any certificate files, generates an RSA and an EC key, has both CSRs
 * signed by the PKI's station sub-CA (internal API) and opens wss:// with them. A TLS 1.2 client
 * restricted to an ECDHE-ECDSA suite gets the EC certificate, one restricted to ECDHE-RSA the RSA
 * one, both verified against our root. With a 30 s validity the gateway rotates them by itself.
 */
describe('PKI gateway server certificates', () => {
  const prefix = uniqueTopicPrefix('pkisrv');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let wssPort: number;
  let rootPem: string;
  let subCa: X509Certificate;

  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const file = (name: string) => path.join(dir, name);

  /** A TLS 1.2 handshake offering only `cipher`, trusting only our root. */
  const handshake = (cipher: string) =>
    new Promise<Handshake>((resolve, reject) => {
      const socket: TLSSocket = connect({ host: '127.0.0.1', port: wssPort, servername: 'localhost', ca: rootPem, ciphers: cipher, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
      socket.once('secureConnect', () => {
        const peer = socket.getPeerX509Certificate();
        const result = { authorized: socket.authorized, cipher: socket.getCipher().standardName || socket.getCipher().name, peer: peer as X509Certificate };
        socket.destroy();
        if (!peer) reject(new Error('no peer certificate'));
        else resolve(result);
      });
      socket.once('error', reject);
    });

  const signDirectly = (names: string[], token = INTERNAL_TOKEN) => {
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file('direct.key')], { stdio: 'ignore' });
    const csrPem = execFileSync('openssl', ['req', '-new', '-key', file('direct.key'), '-subj', '/CN=direct'], { encoding: 'utf8' });
    return fetch(`${pki.baseUrl}/api/internal/pki/gateway-server-certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ csrPem, names }),
    });
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-srv-'));
    database = await createTestDatabase('pki_server_certificates');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn', INTERNAL_API_TOKEN: INTERNAL_TOKEN };
    const pkiPort = await freePort();
    pki = startService(
      'pki',
      {
        ...env,
        PKI_KEY_DIR: file('keys'),
        PKI_CA_KEY_PASSPHRASE: PASSPHRASE,
        PKI_CERT_ORGANIZATION: ORGANIZATION,
        PKI_PUBLIC_URL: `http://127.0.0.1:${pkiPort}`,
        PKI_GATEWAY_SERVER_NAMES: 'localhost,127.0.0.1',
        PKI_GATEWAY_SERVER_CERT_VALIDITY_SECONDS: String(VALIDITY_SECONDS),
      },
      pkiPort,
    );
    await waitUntilReady(pki);
    const root = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'Root', role: 'root', commonName: 'E2E Server Root', organization: ORGANIZATION, keyType: 'EC-P256', validityDays: 3650 });
    expect(root.status).toBe(201);
    const sub = await call(pki, 'POST', '/api/certificate-authorities', 'admin', {
      name: 'Station Sub-CA',
      role: 'stationSubCa',
      parentId: (root.body as Json).id,
      commonName: 'E2E Server Station Sub-CA',
      organization: ORGANIZATION,
      keyType: 'EC-P256',
      validityDays: 1000,
    });
    expect(sub.status).toBe(201);
    // What stations would install: the root as the PKI's REST API serves it.
    rootPem = String((root.body as Json).certificatePem);
    subCa = new X509Certificate(String((sub.body as Json).certificatePem));

    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wssPort = await freePort();
    connection = startService(
      'connection',
      {
        ...env,
        OCPP_WS_PORT: String(wsPort),
        OCPP_WSS_PORT: String(wssPort),
        OCPP_TLS_CERT_FILES: `${file('server-rsa.pem')},${file('server-ec.pem')}`,
        OCPP_TLS_KEY_FILES: `${file('server-rsa.key')},${file('server-ec.key')}`,
        OCPP_TLS_SERVER_CERT_FROM_PKI: pki.baseUrl,
        OCPP_TLS_SERVER_NAMES: 'localhost,127.0.0.1',
        OCPP_TLS_RELOAD_SECONDS: '1',
        OCPP_UNKNOWN_STATIONS: 'reject',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(async () => {
    await Promise.all([connection, pki].map((service) => service?.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ec'],
    ['ECDHE-RSA-AES128-GCM-SHA256', 'rsa'],
  ])('completes a TLS 1.2 handshake restricted to %s with a %s certificate issued by our station sub-CA', async (cipher, keyType) => {
    const result = await handshake(cipher);
    expect(result.authorized).toBe(true);
    expect(result.cipher).toContain(cipher.startsWith('ECDHE-ECDSA') ? 'ECDHE_ECDSA' : 'ECDHE_RSA');
    expect(result.peer.publicKey.asymmetricKeyType).toBe(keyType);
    expect(result.peer.checkIssued(subCa)).toBe(true);
    expect(result.peer.verify(subCa.publicKey)).toBe(true);
    expect(result.peer.checkHost('localhost')).toBe('localhost');
    expect(result.peer.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('keeps the keys owner-only and records the certificates in the issued-certificate store', async () => {
    for (const key of ['server-rsa.key', 'server-ec.key']) expect(statSync(file(key)).mode & 0o777).toBe(0o600);
    const { peer } = await handshake('ECDHE-ECDSA-AES128-GCM-SHA256');
    const serial = peer.serialNumber.toLowerCase().replace(/^0+/, '');
    const stored = await call(pki, 'GET', `/api/issued-certificates/${serial}`, 'viewer');
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ serialNumber: serial, certificateType: 'CsmsServerCertificate' });
  });

  it('refuses names outside the allow-list and callers without the internal token', async () => {
    const refused = await signDirectly(['evil.example.com']);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('evil.example.com');
    expect((await signDirectly(['localhost'], 'wrong-token')).status).toBe(401);
    expect((await signDirectly(['localhost'])).status).toBe(201);
  });

  it('rotates both certificates before they expire; new connections get the new ones', async () => {
    const before = await Promise.all([handshake('ECDHE-ECDSA-AES128-GCM-SHA256'), handshake('ECDHE-RSA-AES128-GCM-SHA256')]);
    const after = await eventually(
      'both served certificates rotated',
      async () => {
        const now = await Promise.all([handshake('ECDHE-ECDSA-AES128-GCM-SHA256'), handshake('ECDHE-RSA-AES128-GCM-SHA256')]);
        return now.every((result, i) => result.peer.serialNumber !== before[i]?.peer.serialNumber) ? now : undefined;
      },
      3 * VALIDITY_SECONDS * 1000,
      [connection, pki],
    );
    for (const [i, result] of after.entries()) {
      expect(result.authorized).toBe(true);
      expect(result.peer.checkIssued(subCa)).toBe(true);
      expect(result.peer.publicKey.asymmetricKeyType).toBe(i === 0 ? 'ec' : 'rsa');
      // Renewed before the old one expired.
      expect(new Date(before[i]?.peer.validTo ?? 0).getTime()).toBeGreaterThan(Date.now() - 1000);
    }
  }, 180_000);
});
