import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
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
import { basicAuth, connectStation } from '@test/support/ws-station';
import type { RawData, WebSocket } from 'ws';

const ORGANIZATION = 'CSMS Renewal Operator';
const PASSWORD = 'pki-renewal-password';
const PASSPHRASE = 'pki-renewal-e2e-passphrase-0123456789';
/** One-day certificates with a window of a day less 15 s: each enters the window 15 s after it was issued. */
const ENTERS_WINDOW_AFTER_S = 15;
const RETRY_BASE_MS = 1000;

/** A bare 2.0.1 station: takes the certificates it is sent and answers TriggerMessage with Rejected. */
class RefusingStation {
  readonly chains: string[] = [];
  readonly triggers: unknown[] = [];
  private readonly answers = new Map<string, (frame: unknown[]) => void>();
  private sequence = 0;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: RawData) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] !== 2) return this.answers.get(String(frame[1]))?.(frame);
      if (frame[2] === 'CertificateSigned') {
        this.chains.push((frame[3] as { certificateChain: string }).certificateChain);
        socket.send(JSON.stringify([3, frame[1], { status: 'Accepted' }]));
      } else if (frame[2] === 'TriggerMessage') {
        this.triggers.push(frame[3]);
        socket.send(JSON.stringify([3, frame[1], { status: 'Rejected' }]));
      } else {
        socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'refusing test station', {}]));
      }
    });
  }

  call(action: string, payload: unknown): Promise<unknown[]> {
    const id = `refusing-${(this.sequence += 1)}`;
    return new Promise((resolve) => {
      this.answers.set(id, resolve);
      this.socket.send(JSON.stringify([2, id, action, payload]));
    });
  }
}

const serialOf = (pem: string) => new X509Certificate(pem).serialNumber.toLowerCase().replace(/^0+/, '');

/**
 * Renewal before expiry on real Kafka and PostgreSQL: stations holding certificates that enter the
 * renewal window are sent TriggerMessage SignChargingStationCertificate (1.6: ExtendedTriggerMessage
 * SignChargePointCertificate), their new CSR goes through the signing flow and the new certificate
 * reaches them; a station that refuses the trigger has its failed attempts listed and retried with
 * a doubling delay, and an offline one is recorded as not reached.
 */
describe('PKI certificate renewal', () => {
  const prefix = uniqueTopicPrefix('pkirenew');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  const sockets: WebSocket[] = [];
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let startPki: () => Promise<ServiceProcess>;
  let wsUrl: string;

  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const register = async (id: string, serialNumber: string) =>
    expect((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD, serialNumber })).status).toBe(201);
  const renewals = async (stationId: string) => (await call(pki, 'GET', `/api/certificate-renewals?stationId=${stationId}`, 'viewer')).body.items ?? [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-renewal-'));
    database = await createTestDatabase('pki_renewal');
    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn' };
    const pkiPort = await freePort();
    startPki = async () => {
      const started = startService(
        'pki',
        {
          ...env,
          PKI_KEY_DIR: path.join(dir, 'keys'),
          PKI_CA_KEY_PASSPHRASE: PASSPHRASE,
          PKI_CERT_ORGANIZATION: ORGANIZATION,
          PKI_STATION_CERT_VALIDITY_DAYS: '1',
          PKI_RENEWAL_WINDOW_DAYS: String((86_400 - ENTERS_WINDOW_AFTER_S) / 86_400),
          PKI_RENEWAL_SWEEP_SECONDS: '1',
          PKI_RENEWAL_RETRY_SECONDS: String(RETRY_BASE_MS / 1000),
        },
        pkiPort,
      );
      await waitUntilReady(started);
      return started;
    };
    pki = await startPki();
    const root = await call(pki, 'POST', '/api/certificate-authorities', 'admin', { name: 'Renewal Root', role: 'root', commonName: 'Renewal Root', organization: ORGANIZATION, validityDays: 3650 });
    expect(root.status).toBe(201);
    const sub = await call(pki, 'POST', '/api/certificate-authorities', 'admin', {
      name: 'Renewal Sub-CA',
      role: 'stationSubCa',
      parentId: root.body.id,
      commonName: 'Renewal Sub-CA',
      organization: ORGANIZATION,
      validityDays: 1000,
    });
    expect(sub.status).toBe(201);

    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService('connection', { ...env, OCPP_WS_PORT: String(wsPort), OCPP_UNKNOWN_STATIONS: 'reject' }, httpPort);
    await waitUntilReady(connection);
  });

  afterAll(() => tearDown({ sockets, stations, services: [connection, pki], database, dir }));

  it.each([
    ['RENEW-201', '2.0.1', 'SN-RENEW-201'],
    ['RENEW-16', '1.6', 'SN-RENEW-16'],
  ] as const)('renews the certificate of %s (OCPP %s) before it expires and delivers the new one', async (id, version, serialNumber) => {
    const { station, identity: first } = await signedStation({ id, version, serialNumber, organization: ORGANIZATION, wsUrl, password: PASSWORD, api, connection, pki });
    stations.push(station);
    const firstSerial = serialOf(first.certPem);

    const renewed = await eventually(
      `${id}'s first certificate renewed`,
      async () => (await renewals(id)).find((attempt) => attempt.expiringSerial === firstSerial && attempt.status === 'renewed'),
      ENTERS_WINDOW_AFTER_S * 1000 + 90_000,
      [connection, pki],
    );
    expect(renewed).toMatchObject({ stationId: id, certificateType: 'ChargingStationCertificate', attempt: 1, reason: null, renewedSerial: expect.any(String) });
    expect(renewed.renewedSerial).not.toBe(firstSerial);
    // The trigger went out once the certificate had entered the window, not before.
    expect(Date.parse(String(renewed.startedAt))).toBeGreaterThanOrEqual(Date.parse(new X509Certificate(first.certPem).validTo) - (86_400 - ENTERS_WINDOW_AFTER_S) * 1000);

    // The station holds the new certificate, made from a new key, and the PKI knows it took it.
    const second = await eventually(
      `${id} holds its renewed certificate`,
      async () => {
        const identity = station.certificates.clientIdentity();
        return identity && serialOf(identity.certPem) === renewed.renewedSerial ? identity : undefined;
      },
      30_000,
      [connection, pki],
    );
    expect(second.keyPem).not.toBe(first.keyPem);
    expect(new X509Certificate(second.certPem).subject.split('\n')).toEqual([`O=${ORGANIZATION}`, `CN=${serialNumber}`]);
    await eventually(
      'the renewed certificate delivered',
      async () => (await call(pki, 'GET', `/api/certificate-signing-requests?stationId=${id}`, 'viewer')).body.items?.find((item) => item.certificateSerial === renewed.renewedSerial && item.delivery === 'accepted'),
      30_000,
      [pki],
    );
    const issued = (await call(pki, 'GET', `/api/issued-certificates?stationId=${id}`, 'viewer')).body.items ?? [];
    expect(issued.map((item) => item.serialNumber)).toEqual(expect.arrayContaining([firstSerial, renewed.renewedSerial]));
    const byId = await call(pki, 'GET', `/api/certificate-renewals/${String(renewed.id)}`, 'viewer');
    expect(byId.body).toEqual(renewed);
  }, 240_000);

  it('lists a refused trigger with the station’s answer and retries it with a doubling delay; an offline station is not reached', async () => {
    await register('RENEW-REFUSES', 'SN-RENEW-REFUSES');
    const opened = await connectStation(`${wsUrl}/RENEW-REFUSES`, ['ocpp2.0.1'], { headers: basicAuth('RENEW-REFUSES', PASSWORD) });
    if (!opened.open) throw new Error(`RENEW-REFUSES could not connect: ${opened.status}`);
    sockets.push(opened.socket);
    const station = new RefusingStation(opened.socket);
    const { csrPem } = createCertificateRequest('SN-RENEW-REFUSES', ORGANIZATION);
    expect(await station.call('SignCertificate', { csr: csrPem })).toEqual([3, expect.any(String), { status: 'Accepted' }]);
    await eventually('the first certificate', async () => (station.chains.length === 1 ? true : undefined), 60_000, [connection, pki]);

    const rejected = await eventually(
      'two rejected attempts',
      async () => {
        const attempts = (await renewals('RENEW-REFUSES')).filter((attempt) => attempt.status === 'rejected');
        return attempts.length >= 2 ? attempts.reverse() : undefined;
      },
      ENTERS_WINDOW_AFTER_S * 1000 + 90_000,
      [connection, pki],
    );
    const [one, two] = rejected as [Json, Json];
    expect(station.triggers[0]).toEqual({ requestedMessage: 'SignChargingStationCertificate' });
    expect([one.attempt, two.attempt]).toEqual([1, 2]);
    expect(one.reason).toBe('the station answered TriggerMessage SignChargingStationCertificate with Rejected');
    expect(two.expiringSerial).toBe(one.expiringSerial);
    const waited = (attempt: Json) => Date.parse(String(attempt.retryAt)) - Date.parse(String(attempt.finishedAt));
    expect(waited(one)).toBeGreaterThan(RETRY_BASE_MS - 500);
    expect(waited(one)).toBeLessThanOrEqual(RETRY_BASE_MS + 100);
    expect(waited(two)).toBeGreaterThan(2 * RETRY_BASE_MS - 500);
    expect(waited(two)).toBeLessThanOrEqual(2 * RETRY_BASE_MS + 100);
    expect(Date.parse(String(two.startedAt))).toBeGreaterThanOrEqual(Date.parse(String(one.retryAt)));
    expect(station.chains).toHaveLength(1);

    // The attempts live in PostgreSQL: a restarted PKI goes on counting (and backing off) where it was.
    await pki.stop('SIGKILL');
    pki = await startPki();
    const before = Math.max(...(await renewals('RENEW-REFUSES')).map((attempt) => Number(attempt.attempt)));
    const afterRestart = await eventually(
      'an attempt after the restart',
      async () => (await renewals('RENEW-REFUSES')).find((attempt) => Number(attempt.attempt) === before + 1 && attempt.status === 'rejected'),
      120_000,
      [connection, pki],
    );
    expect(afterRestart.expiringSerial).toBe(one.expiringSerial);
    // Never two attempts of a station at once: each started after the one before had finished.
    const history = (await renewals('RENEW-REFUSES')).reverse();
    history.slice(1).forEach((attempt, index) => expect(Date.parse(String(attempt.startedAt))).toBeGreaterThanOrEqual(Date.parse(String(history[index]?.finishedAt))));

    opened.socket.terminate();
    const unreached = await eventually(
      'an attempt that did not reach the offline station',
      async () => (await renewals('RENEW-REFUSES')).find((attempt) => attempt.status === 'failed'),
      120_000,
      [connection, pki],
    );
    expect(unreached.reason).toMatch(/^TriggerMessage not delivered \(not-connected/);
    expect(unreached.retryAt).not.toBeNull();

    expect((await call(pki, 'GET', '/api/certificate-renewals?status=done', 'viewer')).status).toBe(400);
    expect((await call(pki, 'GET', '/api/certificate-renewals/not-a-uuid', 'viewer')).status).toBe(400);
    expect((await call(pki, 'GET', '/api/certificate-renewals/00000000-0000-4000-8000-000000000000', 'viewer')).status).toBe(404);
  }, 360_000);
});
