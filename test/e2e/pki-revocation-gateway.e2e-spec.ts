import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { signedStation } from '@test/support/signed-station';
import { tearDown } from '@test/support/e2e-teardown';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { TestPki } from '@test/support/test-pki';
import { basicAuth, connectStation, exchange } from '@test/support/ws-station';
import type { WebSocket } from 'ws';

const ORGANIZATION = 'CSMS E2E Operator';
const PASSWORD = 'pki-revocation-gateway-password';
const PASSPHRASE = 'pki-revocation-gateway-e2e-passphrase-0123';

/**
 * Revocation reaching the gateway, on real Kafka and PostgreSQL: a simulator station gets its
 * certificate through SignCertificate and comes in on security profile 3; the gateway keeps the
 * PKI's CRLs (root and station sub-CA, OCPP_TLS_CRL_URLS) in its CRL file. Once the certificate is
 * revoked over REST, our OCSP responder says so to `openssl ocsp`, and the gateway refuses the
 * station's next connection as soon as it has loaded the new CRL, and closes a connection that is
 * open on the revoked certificate (1008) at that moment. Also GetCertificateStatus
 * answered from our responder, and Get15118EVCertificate without a contract-certificate provider.
 */
describe('PKI revocation at the gateway', () => {
  const prefix = uniqueTopicPrefix('pkirevgw');
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
  let crlFile: string;
  let root: Json;
  let subCa: Json;
  let identity: { certPem: string; keyPem: string };
  let serial: string;

  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const file = (name: string) => path.join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const profile3 = () => ({ ca: readFileSync(serverPki.caFile, 'utf8'), cert: identity.certPem, key: identity.keyPem });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-revgw-'));
    database = await createTestDatabase('pki_revocation_gateway');
    serverPki = await TestPki.create('E2E server CA');
    const server = await serverPki.issueServer('ecdsa');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    const pkiPort = await freePort();
    pki = startService(
      'pki',
      { ...env, PKI_KEY_DIR: file('keys'), PKI_CA_KEY_PASSPHRASE: PASSPHRASE, PKI_CERT_ORGANIZATION: ORGANIZATION, PKI_PUBLIC_URL: `http://127.0.0.1:${pkiPort}` },
      pkiPort,
    );
    await waitUntilReady(pki);
    const createdRoot = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'Root', role: 'root', commonName: 'E2E Revocation Root', organization: ORGANIZATION, keyType: 'EC-P256', validityDays: 3650 });
    expect(createdRoot.status).toBe(201);
    root = createdRoot.body;
    const createdSub = await call(pki, 'POST', '/api/certificate-authorities', 'admin', {
      name: 'Station Sub-CA',
      role: 'stationSubCa',
      parentId: root.id,
      commonName: 'E2E Revocation Station Sub-CA',
      organization: ORGANIZATION,
      keyType: 'EC-P256',
      validityDays: 1000,
    });
    expect(createdSub.status).toBe(201);
    subCa = createdSub.body;
    // What the sub-CA writes into station certificates is what the PKI serves.
    expect([subCa.crlUrl, subCa.ocspUrl]).toEqual([`http://127.0.0.1:${pkiPort}/api/crls/${String(subCa.id)}`, `http://127.0.0.1:${pkiPort}/api/ocsp`]);
    writeFileSync(file('root.pem'), String(root.certificatePem));
    writeFileSync(file('sub.pem'), String(subCa.certificatePem));

    const [httpPort, wsPort, wssPort] = await Promise.all([freePort(), freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    wssUrl = `wss://127.0.0.1:${wssPort}/ocpp`;
    crlFile = file('gateway-crls.pem');
    connection = startService(
      'connection',
      {
        ...env,
        OCPP_WS_PORT: String(wsPort),
        OCPP_WSS_PORT: String(wssPort),
        OCPP_TLS_CERT_FILES: server.certFile,
        OCPP_TLS_KEY_FILES: server.keyFile,
        OCPP_TLS_CA_FILE: file('root.pem'),
        OCPP_TLS_CRL_FILE: crlFile,
        // Node checks the CRL of every CA in the chain once any CRL is loaded: the root's too.
        OCPP_TLS_CRL_URLS: [String(root.crlUrl), String(subCa.crlUrl)].join(','),
        OCPP_TLS_CRL_REFRESH_SECONDS: '2',
        OCPP_CERT_ORGANIZATION: ORGANIZATION,
        OCPP_UNKNOWN_STATIONS: 'reject',
        OCPP_OCSP_TIMEOUT_SECONDS: '5',
        // Our own responder and the unreachable one both listen on loopback, which is refused unless listed.
        OCPP_OCSP_RESPONDER_HOSTS: '127.0.0.1,localhost',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(() => tearDown({ sockets, stations, services: [connection, pki], database, dir }));

  it('keeps both CRLs of the chain in the gateway CRL file, fetched before the gateway listens', () => {
    // waitUntilReady: the gateway listens only after its first fetch.
    expect(existsSync(crlFile)).toBe(true);
    const crls = readFileSync(crlFile, 'utf8').match(/-----BEGIN X509 CRL-----/g);
    expect(crls).toHaveLength(2);
    writeFileSync(file('cas.pem'), `${String(subCa.certificatePem)}${String(root.certificatePem)}`);
    const issuers = readFileSync(crlFile, 'utf8').split(/(?=-----BEGIN X509 CRL-----)/).map((pem, i) => {
      writeFileSync(file(`crl-${i}.pem`), pem);
      expect(openssl(['crl', '-in', `crl-${i}.pem`, '-CAfile', 'cas.pem', '-noout', '-verify'])).toBe('');
      return openssl(['crl', '-in', `crl-${i}.pem`, '-noout', '-issuer']).trim();
    });
    expect(issuers).toEqual([expect.stringContaining('E2E Revocation Root'), expect.stringContaining('E2E Revocation Station Sub-CA')]);
  });

  it('refuses a station on profile 3 once its certificate, got through SignCertificate, is revoked', async () => {
    const id = 'REVOKE-ME';
    const serialNumber = 'SN-REVOKE-ME';
    const signed = await signedStation({ id, version: '2.0.1', serialNumber, organization: ORGANIZATION, wsUrl, password: PASSWORD, api, connection, pki });
    const station = signed.station;
    stations.push(station);
    identity = signed.identity;
    serial = new X509Certificate(identity.certPem).serialNumber.toLowerCase().replace(/^0+/, '');
    writeFileSync(file('station.pem'), identity.certPem);
    await station.dispose();

    // Profile 3 with the issued certificate: the chain checks out against both CRLs.
    expect([200, 201]).toContain((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 3, serialNumber })).status);
    const upgraded = new SimulatedStation({ id, version: '2.0.1', identity: { serialNumber }, connection: { url: wssUrl, securityProfile: 3, ...profile3() } });
    stations.push(upgraded);
    // Both CRLs are loaded (regression: node takes only the first CRL of a buffer, and the sub-CA's was missing: UNABLE_TO_GET_CRL).
    await upgraded.connect();
    await upgraded.boot();
    expect(upgraded.registrationStatus).toBe('Accepted');
    await upgraded.dispose();
    expect(openssl(['ocsp', '-url', `${pki.baseUrl}/api/ocsp`, '-issuer', 'sub.pem', '-cert', 'station.pem', '-CAfile', 'root.pem'])).toContain('station.pem: good');

    const revoked = await call(pki, 'POST', '/api/revocations', 'admin', { serialNumber: serial, reason: 'keyCompromise' });
    expect(revoked).toMatchObject({ status: 201, body: { caId: subCa.id, serialNumber: serial } });
    const ocsp = openssl(['ocsp', '-url', `${pki.baseUrl}/api/ocsp`, '-issuer', 'sub.pem', '-cert', 'station.pem', '-CAfile', 'root.pem']);
    expect(ocsp).toContain('station.pem: revoked');
    expect(ocsp).toContain('Reason: keyCompromise');

    const refusal = await eventually(
      'the gateway to refuse the revoked certificate',
      async () => {
        const outcome = await connectStation(`${wssUrl}/${id}`, ['ocpp2.0.1'], profile3());
        if (outcome.open) outcome.socket.close();
        return outcome.open ? undefined : outcome;
      },
      30_000,
      [connection],
    );
    expect(refusal.status).toBe(401);
    const event = await eventually(
      'the security event of the refusal',
      async () => {
        const items = (await call(pki, 'GET', `/api/security-events?stationId=${id}&type=InvalidClientCertificate`, 'viewer')).body.items;
        return items?.find((item) => String(item.techInfo).includes('CERT_REVOKED'));
      },
      30_000,
      [connection, pki],
    );
    expect(event.techInfo).toContain('certificate revoked');
  });

  it('disconnects a station connected on profile 3 when its certificate is revoked, once, and refuses its reconnect', async () => {
    const id = 'DROP-ME';
    const serialNumber = 'SN-DROP-ME';
    const signed = await signedStation({ id, version: '2.0.1', serialNumber, organization: ORGANIZATION, wsUrl, password: PASSWORD, api, connection, pki });
    stations.push(signed.station);
    await signed.station.dispose();
    const tls = { ca: readFileSync(serverPki.caFile, 'utf8'), cert: signed.identity.certPem, key: signed.identity.keyPem };
    expect([200, 201]).toContain((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 3, serialNumber })).status);
    const connected = new SimulatedStation({ id, version: '2.0.1', identity: { serialNumber }, connection: { url: wssUrl, securityProfile: 3, ...tls } });
    stations.push(connected);
    const closes: Array<{ code: number; reason: string }> = [];
    connected.events.on('disconnected', (close) => closes.push(close));
    await connected.connect();
    await connected.boot();
    expect(connected.registrationStatus).toBe('Accepted');

    const serialOfStation = new X509Certificate(signed.identity.certPem).serialNumber.toLowerCase().replace(/^0+/, '');
    expect(await call(pki, 'POST', '/api/revocations', 'admin', { serialNumber: serialOfStation, reason: 'keyCompromise' })).toMatchObject({ status: 201 });
    // The gateway fetches CRLs every 2 s here (OCPP_TLS_CRL_REFRESH_SECONDS): the open connection goes at the next fetch.
    const close = await eventually('the gateway to close the revoked station\'s connection', async () => closes[0], 30_000, [connection, pki]);
    expect(close).toEqual({ code: 1008, reason: 'client certificate revoked' });
    expect(connected.isConnected).toBe(false);

    const revokedEvents = async () =>
      ((await call(pki, 'GET', `/api/security-events?stationId=${id}&type=InvalidClientCertificate`, 'viewer')).body.items ?? []).filter((item) =>
        String(item.techInfo).includes('while connected'),
      );
    const [event] = await eventually('the security event of the closed connection', async () => ((await revokedEvents()).length > 0 ? revokedEvents() : undefined), 30_000, [connection, pki]);
    expect(String(event?.techInfo)).toContain(`CERT_REVOKED serial ${serialOfStation}`);

    const reconnect = await connected.connect().then(
      () => 'connected',
      (error: Error) => error.message,
    );
    expect(reconnect).toBe('upgrade refused with HTTP 401');
    // Once per connection: further fetches (every 2 s) found nothing open to close, so no second event.
    const refusal = await eventually(
      'the security event of the refused reconnect',
      async () => {
        const items = (await call(pki, 'GET', `/api/security-events?stationId=${id}&type=InvalidClientCertificate`, 'viewer')).body.items ?? [];
        return items.find((item) => String(item.techInfo).includes('CERT_REVOKED') && !String(item.techInfo).includes('while connected'));
      },
      30_000,
      [connection, pki],
    );
    expect(refusal).toBeDefined();
    expect(await revokedEvents()).toHaveLength(1);
  });

  it('refuses a 1.6 station (security extension) on profile 3 once its certificate, got through SignCertificate, is revoked', async () => {
    const id = 'REVOKE-16';
    const serialNumber = 'SN-REVOKE-16';
    const signed = await signedStation({ id, version: '1.6', serialNumber, organization: ORGANIZATION, wsUrl, password: PASSWORD, api, connection, pki });
    stations.push(signed.station);
    await signed.station.dispose();
    const tls = { ca: readFileSync(serverPki.caFile, 'utf8'), cert: signed.identity.certPem, key: signed.identity.keyPem };
    expect([200, 201]).toContain((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 3, serialNumber })).status);
    const upgraded = new SimulatedStation({ id, version: '1.6', identity: { serialNumber }, connection: { url: wssUrl, securityProfile: 3, ...tls } });
    stations.push(upgraded);
    await upgraded.connect();
    await upgraded.boot();
    expect(upgraded.registrationStatus).toBe('Accepted');
    await upgraded.dispose();

    const serialOf16 = new X509Certificate(signed.identity.certPem).serialNumber.toLowerCase().replace(/^0+/, '');
    expect(await call(pki, 'POST', '/api/revocations', 'admin', { serialNumber: serialOf16, reason: 'superseded' })).toMatchObject({ status: 201 });
    const refusal = await eventually(
      'the gateway to refuse the revoked 1.6 certificate',
      async () => {
        const outcome = await connectStation(`${wssUrl}/${id}`, ['ocpp1.6'], tls);
        if (outcome.open) outcome.socket.close();
        return outcome.open ? undefined : outcome;
      },
      30_000,
      [connection],
    );
    expect(refusal.status).toBe(401);
  });

  it('answers GetCertificateStatus with the OCSP response of the responder the station names, and Failed when it cannot be reached', async () => {
    expect((await call(connection, 'PUT', '/api/stations/ISO15118', 'admin', { securityProfile: 1, password: PASSWORD, serialNumber: 'SN-ISO15118' })).status).toBe(201);
    const opened = await connectStation(`${wsUrl}/ISO15118`, ['ocpp2.0.1'], { headers: basicAuth('ISO15118', PASSWORD) });
    if (!opened.open) throw new Error(`ISO15118 could not connect: ${opened.status}`);
    sockets.push(opened.socket);
    const inventory = await call(pki, 'GET', '/api/issued-certificates?stationId=REVOKE-ME', 'viewer');
    const hashData = inventory.body.items?.[0]?.hashData as Json;
    expect(hashData).toMatchObject({ hashAlgorithm: 'SHA256', serialNumber: serial });

    const ocspRequestData = { ...hashData, responderURL: String(subCa.ocspUrl) };
    const [type, , answer] = (await exchange(opened.socket, JSON.stringify([2, 'status-1', 'GetCertificateStatus', { ocspRequestData }]), 15_000)) as [number, string, Json];
    expect([type, answer.status]).toEqual([3, 'Accepted']);
    writeFileSync(file('gateway-ocsp.der'), Buffer.from(String(answer.ocspResult), 'base64'));
    const text = openssl(['ocsp', '-respin', 'gateway-ocsp.der', '-resp_text', '-noverify']);
    expect(text).toContain('Cert Status: revoked');
    expect(openssl(['ocsp', '-respin', 'gateway-ocsp.der', '-issuer', 'sub.pem', '-sha256', '-cert', 'station.pem', '-CAfile', 'root.pem', '-no_nonce'])).toContain('station.pem: revoked');

    const nowhere = `http://127.0.0.1:${await freePort()}/ocsp`;
    const failed = (await exchange(opened.socket, JSON.stringify([2, 'status-2', 'GetCertificateStatus', { ocspRequestData: { ...ocspRequestData, responderURL: nowhere } }]), 15_000)) as [number, string, Json];
    expect(failed[2]).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'OcspUnreachable' } });
    expect(failed[2].ocspResult).toBeUndefined();

    const bad = (await exchange(opened.socket, JSON.stringify([2, 'status-3', 'GetCertificateStatus', { ocspRequestData: { ...ocspRequestData, issuerKeyHash: 'abcd' } }]), 15_000)) as [number, string, Json];
    expect(bad[2]).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'InvalidRequestData', additionalInfo: 'issuerKeyHash is 2 octets; a SHA256 hash is 32' } });
  });

  it('answers Get15118EVCertificate Failed, with the reason, when no contract-certificate provider is configured', async () => {
    const opened = await connectStation(`${wsUrl}/ISO15118`, ['ocpp2.0.1'], { headers: basicAuth('ISO15118', PASSWORD) });
    if (!opened.open) throw new Error(`ISO15118 could not connect: ${opened.status}`);
    sockets.push(opened.socket);
    const request = { iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action: 'Install', exiRequest: 'gAD/AA==' };
    const answer = (await exchange(opened.socket, JSON.stringify([2, 'ev-1', 'Get15118EVCertificate', request]), 15_000)) as [number, string, Json];
    expect(answer).toEqual([3, 'ev-1', { status: 'Failed', exiResponse: '', statusInfo: { reasonCode: 'NoProvider', additionalInfo: expect.stringContaining('OCPP_CONTRACT_CERTIFICATE_URL') } }]);
  });
});
