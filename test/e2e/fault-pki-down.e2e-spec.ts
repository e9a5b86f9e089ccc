import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { tearDown } from '@test/support/e2e-teardown';
import { faultDowntimeMs, faultSummary, outage } from '@test/support/fault-report';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const STATIONS = 10;
const ORGANIZATION = 'CSMS Fault Operator';
const PASSWORD = 'fault-pki-password';
const PASSPHRASE = 'fault-pki-e2e-passphrase-0123456789';
const WAIT_MS = 120_000;

/**
 * Issue 13, pki down for FAULT_DOWNTIME_MS (a minute by default): the pki process dies (SIGKILL)
 * and stations send SignCertificate meanwhile. The gateway answers them Accepted at once, as
 * designed (ADR 021: the CSR travels durably on ocpp.events, the PKI decides later); once the
 * pki is back it reads them from Kafka, and each station is signed exactly once: one request,
 * one issued certificate, one CertificateSigned, which the station installs.
 */
describe('fault: pki down while stations send CSRs', () => {
  const api = new OperatorApiClient();
  const topicPrefix = uniqueTopicPrefix('faultpki');
  const stations: SimulatedStation[] = [];
  const certificatesSigned = new Map<string, number>();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let pkiEnv: Record<string, string>;

  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const startPki = async (): Promise<ServiceProcess> => {
    const service = startService('pki', pkiEnv, await freePort());
    await waitUntilReady(service, 90_000);
    return service;
  };
  const serialOf = (id: string) => `SN-${id}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-fault-pki-'));
    database = await createTestDatabase('fault_pki');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: topicPrefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    pkiEnv = { ...env, PKI_KEY_DIR: path.join(dir, 'keys'), PKI_CA_KEY_PASSPHRASE: PASSPHRASE, PKI_CERT_ORGANIZATION: ORGANIZATION };
    const wsPort = await freePort();
    connection = startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'reject' }, await freePort());
    [pki] = await Promise.all([startPki(), waitUntilReady(connection, 90_000)]);

    const root = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'Fault Root', role: 'root', commonName: 'Fault CSMS Root', organization: ORGANIZATION, keyType: 'EC-P384', validityDays: 3650 });
    expect(root.status).toBe(201);
    const subCa = await call(pki, 'POST', '/api/certificate-authorities', 'admin', {
      name: 'Fault Station Sub-CA',
      role: 'stationSubCa',
      parentId: root.body.id,
      commonName: 'Fault Station Sub-CA',
      organization: ORGANIZATION,
      validityDays: 1000,
    });
    expect(subCa.status).toBe(201);

    for (let index = 0; index < STATIONS; index += 1) {
      const id = `FPKI-${index + 1}`;
      const registered = await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD, serialNumber: serialOf(id) });
      expect(registered.status).toBe(201);
      const station = new SimulatedStation({
        id,
        version: index % 2 === 0 ? '1.6' : '2.0.1',
        identity: { serialNumber: serialOf(id) },
        organization: ORGANIZATION,
        connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 1, password: PASSWORD },
      });
      certificatesSigned.set(id, 0);
      station.events.on('callReceived', ({ action }) => {
        if (action === 'CertificateSigned') certificatesSigned.set(id, (certificatesSigned.get(id) ?? 0) + 1);
      });
      stations.push(station);
      await station.connect();
      await station.boot();
    }
  }, 300_000);

  afterAll(async () => {
    await tearDown({ stations, services: [pki, connection], database, dir });
  });

  const signingRequests = async (): Promise<Json[]> => {
    const all: Json[] = [];
    for (const station of stations) all.push(...((await call(pki, 'GET', `/api/certificate-signing-requests?stationId=${station.id}`, 'viewer')).body.items ?? []));
    return all;
  };
  const issuedCertificates = async (): Promise<Json[]> => {
    const all: Json[] = [];
    for (const station of stations) all.push(...((await call(pki, 'GET', `/api/issued-certificates?stationId=${station.id}`, 'viewer')).body.items ?? []));
    return all;
  };

  it('has the gateway accept the CSRs while the pki is down, and signs each exactly once after it returns', async () => {
    const downtimeMs = faultDowntimeMs();
    await pki.stop('SIGKILL');
    const stoppedAt = Date.now();

    // Spread over the first half of the outage; each answered by the gateway alone.
    const answers: string[] = [];
    for (const station of stations) {
      const csr = station.certificates.requestSigning(serialOf(station.id), ORGANIZATION);
      const answer = await station.call('SignCertificate', { csr });
      answers.push(String(answer.status));
      // The rate at which the stations send, not a wait for anything.
      await outage(downtimeMs / 2 / STATIONS);
    }
    expect(answers).toEqual(stations.map(() => 'Accepted'));
    await outage(Math.max(0, stoppedAt + downtimeMs - Date.now()));
    // Nothing can have been signed while the pki was away.
    expect(stations.filter((station) => station.certificates.clientIdentity() !== undefined).map((station) => station.id)).toEqual([]);

    const downForMs = Date.now() - stoppedAt;
    pki = await startPki();
    const restartedAt = Date.now();
    await eventually(
      'every station holding its signed certificate',
      async () => (stations.every((station) => station.certificates.clientIdentity() !== undefined) ? true : undefined),
      WAIT_MS,
      [pki, connection],
    );
    const recoveredMs = Date.now() - restartedAt;
    // Settled: every request issued and its CertificateSigned answered by the station, so nothing is left to (re)send.
    const requests = await eventually(
      'every request issued and delivered',
      async () => {
        const found = await signingRequests();
        return found.length >= STATIONS && found.every((request) => request.status === 'issued' && request.delivery === 'accepted') ? found : undefined;
      },
      WAIT_MS,
      [pki],
    );
    const issued = await issuedCertificates();
    const signedTotal = [...certificatesSigned.values()].reduce((sum, count) => sum + count, 0);
    console.info(
      faultSummary(
        'pki-down',
        {
          sent: answers.length,
          answered: answers.filter((status) => status === 'Accepted').length,
          stored: requests.length,
          duplicates: requests.length - STATIONS + (issued.length - STATIONS) + (signedTotal - STATIONS),
          reconnects: stations.reduce((sum, station) => sum + Math.max(0, station.counters.connects - 1), 0),
          recoveredMs,
        },
        `${STATIONS} stations, pki down ${(downForMs / 1000).toFixed(1)} s (+${((restartedAt - stoppedAt - downForMs) / 1000).toFixed(1)} s to start again); ${issued.length} certificates issued, ${signedTotal} CertificateSigned received`,
      ),
    );

    expect(requests.map((request) => request.stationId).sort()).toEqual(stations.map((station) => station.id).sort());
    expect(issued.map((certificate) => certificate.stationId).sort()).toEqual(stations.map((station) => station.id).sort());
    expect([...certificatesSigned].filter(([, count]) => count !== 1)).toEqual([]);
    // Each holds the certificate the pki issued for it.
    for (const station of stations) {
      const serial = requests.find((request) => request.stationId === station.id)?.certificateSerial;
      const held = station.certificates.clientIdentity();
      expect({ station: station.id, serial: held && normalisedSerial(held.certPem) }).toEqual({ station: station.id, serial });
    }
  }, 420_000);
});

function normalisedSerial(pem: string): string {
  return new X509Certificate(pem).serialNumber.toLowerCase().replace(/^0+/, '');
}
