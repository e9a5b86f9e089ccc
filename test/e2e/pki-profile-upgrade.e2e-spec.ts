import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { tearDown } from '@test/support/e2e-teardown';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { signedStation } from '@test/support/signed-station';
import { basicAuth, connectStation } from '@test/support/ws-station';

const ORGANIZATION = 'CSMS Upgrade Operator';
const PASSWORD = 'pki-profile-upgrade-password';
const PASSPHRASE = 'pki-profile-upgrade-e2e-passphrase-0123';
const INTERNAL_TOKEN = 'pki-profile-upgrade-internal-token-0123456789';
const UPGRADE_TIMEOUT_S = 15;

/** The steps of a 2.0.1 upgrade into network slot 2 that succeeded, each with the station's answer. */
function expectSlotTwoUpgrade(job: Json, profile: 2 | 3): void {
  expect((job.steps as Json[]).map((step) => [step.step, step.action, step.ok])).toEqual([
    ['installRoot', 'InstallCertificate CSMSRootCertificate', true],
    ['configure', 'GetVariables OCPPCommCtrlr/NetworkConfigurationPriority', true],
    ['configure', 'SetNetworkProfile slot 2', true],
    ['configure', 'SetVariables OCPPCommCtrlr/NetworkConfigurationPriority=2,1', true],
    ['reset', 'Reset', true],
    ['awaitReconnect', `wait for a connection on profile ${profile}`, true],
    ['raiseMinimum', 'raise the registered minimum profile', true],
  ]);
  expect((job.steps as Json[])[6]?.answer).toEqual({ ok: true, securityProfile: profile, raised: true });
}

/**
 * Security-profile upgrade as a tracked job, on real Kafka and PostgreSQL with simulator stations
 * and a gateway serving ws and wss (its server certificate signed by the PKI's root, which the
 * station trusts only once the job installed it): a 2.0.1 station moved from profile 1 to 2 is
 * confirmed on wss and its registered minimum raised, so profile 1 is refused afterwards; one that
 * got its client certificate through SignCertificate is moved to profile 3 and comes back with it
 * (the gateway trusts the PKI's root for client certificates), after which Basic auth is refused
 * even over TLS; a downgrade is refused; an upgrade to a gateway URL the station cannot reach is rolled back and
 * the station is back on profile 1, also across a PKI killed in the middle. 1.6 too.
 */
describe('PKI security profile upgrade', () => {
  const prefix = uniqueTopicPrefix('pkiupgrade');
  const api = new OperatorApiClient();
  const stations: SimulatedStation[] = [];
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: ServiceProcess;
  let startPki: (gatewayWssUrl: string) => Promise<ServiceProcess>;
  let wsUrl: string;
  let wssUrl: string;

  const call = (service: ServiceProcess, method: string, route: string, as: Role, body?: unknown) => api.call(service.baseUrl, method, route, as, body);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = (name: string) => path.join(dir, name);

  /** A 2.0.1 station registered and connected on profile 1 (ws + Basic), trusting no CA of its own. */
  const station201OnProfile1 = async (id: string): Promise<SimulatedStation> => {
    expect((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD, serialNumber: `SN-${id}` })).status).toBe(201);
    const station = new SimulatedStation({ id, version: '2.0.1', identity: { serialNumber: `SN-${id}` }, organization: ORGANIZATION, connection: { url: wsUrl, securityProfile: 1, password: PASSWORD } });
    stations.push(station);
    await station.connect();
    await station.boot();
    return station;
  };

  /** Starts the upgrade once the PKI has seen the station connected (presence travels over Kafka). */
  const startUpgrade = (stationId: string, securityProfile: number) =>
    eventually(
      `the PKI to start the upgrade of ${stationId}`,
      async () => {
        const response = await call(pki, 'POST', '/api/profile-upgrades', 'admin', { stationId, securityProfile });
        if (response.status === 409 && response.body.code === 'station-not-connected') return undefined;
        return response;
      },
      30_000,
      [pki],
    );

  const finished = (id: string) =>
    eventually(
      `profile upgrade ${id} to finish`,
      async () => {
        const job = (await call(pki, 'GET', `/api/profile-upgrades/${id}`, 'viewer')).body;
        return job.status === 'running' ? undefined : job;
      },
      120_000,
      [pki, connection],
    );

  const liveProfile = async (id: string) => (await call(connection, 'GET', `/api/stations/${id}`, 'viewer')).body as Json;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-upgrade-'));
    database = await createTestDatabase('pki_profile_upgrade');
    // The CSMS root, made with openssl and imported into the PKI; it also signs the gateway's server certificate.
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', 'root.key', '-out', 'root.pem', '-passout', `pass:${PASSPHRASE}`,
      '-subj', `/O=${ORGANIZATION}/CN=Upgrade Root`, '-days', '365', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
    writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-passin', `pass:${PASSPHRASE}`, '-CAcreateserial', '-days', '30', '-extfile', 'server.ext', '-out', 'server.pem']);

    const env = { KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: database.url, API_TOKENS_FILE: api.writeTokenFile(dir), LOG_LEVEL: 'warn', INTERNAL_API_TOKEN: INTERNAL_TOKEN };
    const [httpPort, wsPort, wssPort, pkiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    wssUrl = `wss://127.0.0.1:${wssPort}/ocpp`;
    connection = startService(
      'connection',
      {
        ...env,
        OCPP_WS_PORT: String(wsPort),
        OCPP_WSS_PORT: String(wssPort),
        OCPP_TLS_CERT_FILES: file('server.pem'),
        OCPP_TLS_KEY_FILES: file('server.key'),
        // Client certificates (profile 3) are checked against our root, which the station sub-CA hangs under.
        OCPP_TLS_CA_FILE: file('root.pem'),
        OCPP_CERT_ORGANIZATION: ORGANIZATION,
        OCPP_UNKNOWN_STATIONS: 'reject',
      },
      httpPort,
    );
    startPki = async (gatewayWssUrl: string) => {
      const started = startService(
        'pki',
        {
          ...env,
          PKI_KEY_DIR: file('keys'),
          PKI_CA_KEY_PASSPHRASE: PASSPHRASE,
          PKI_CERT_ORGANIZATION: ORGANIZATION,
          PKI_GATEWAY_WSS_URL: gatewayWssUrl,
          PKI_CONNECTION_URL: connection.baseUrl,
          PKI_PROFILE_UPGRADE_TIMEOUT_SECONDS: String(UPGRADE_TIMEOUT_S),
        },
        pkiPort,
      );
      await waitUntilReady(started);
      return started;
    };
    [pki] = await Promise.all([startPki(wssUrl), waitUntilReady(connection)]);
    const imported = await call(pki, 'POST', '/api/certificate-authorities/import', 'admin', {
      name: 'Upgrade Root',
      role: 'root',
      certificatePem: readFileSync(file('root.pem'), 'utf8'),
      encryptedKeyPem: readFileSync(file('root.key'), 'utf8'),
    });
    expect(imported.status).toBe(201);
    const subCa = await call(pki, 'POST', '/api/certificate-authorities', 'admin', {
      name: 'Upgrade Station Sub-CA',
      role: 'stationSubCa',
      parentId: imported.body.id,
      commonName: 'Upgrade Station Sub-CA',
      organization: ORGANIZATION,
      keyType: 'EC-P256',
      validityDays: 300,
    });
    expect(subCa.status).toBe(201);
  });

  afterAll(() => tearDown({ stations, services: [connection, pki], database, dir }));

  it('upgrades a 2.0.1 station from profile 1 to 2, confirms it on wss and raises its registered minimum', async () => {
    const station = await station201OnProfile1('UP-201');
    // Without the CSMS root the station cannot even reach the wss gateway (which sends the root along with its chain).
    await expect(connectStation(`${wssUrl}/UP-201`, ['ocpp2.0.1'], { headers: basicAuth('UP-201', PASSWORD) })).rejects.toThrow('self-signed certificate in certificate chain');

    const started = await startUpgrade('UP-201', 2);
    expect(started).toMatchObject({ status: 202, body: { stationId: 'UP-201', protocol: '2.0.1', fromProfile: 1, toProfile: 2, csmsUrl: wssUrl, status: 'running' } });
    const job = await finished(String(started.body.id));
    expect(job).toMatchObject({ status: 'succeeded', step: 'done', networkSlot: 2, previousPriority: '1', reason: null, requestedBy: expect.any(String) });
    expectSlotTwoUpgrade(job, 2);

    expect(station.isConnected).toBe(true);
    expect(station.networkProfiles.activeSlot).toBe(2);
    const detail = await liveProfile('UP-201');
    expect(detail).toMatchObject({ securityProfile: 2, live: expect.objectContaining({ connected: true, securityProfile: 2 }) });

    // Never a downgrade, nor the same profile again; profile 3 needs a client certificate of ours first.
    const same = await call(pki, 'POST', '/api/profile-upgrades', 'admin', { stationId: 'UP-201', securityProfile: 2 });
    expect(same).toMatchObject({ status: 409, body: { code: 'not-an-upgrade', detail: expect.stringContaining('never a downgrade') } });
    const down = await call(pki, 'POST', '/api/profile-upgrades', 'admin', { stationId: 'UP-201', securityProfile: 1 });
    expect(down).toMatchObject({ status: 409, body: { code: 'not-an-upgrade', detail: 'station UP-201 is on security profile 2; only an upgrade above it is possible, never a downgrade' } });
    const three = await call(pki, 'POST', '/api/profile-upgrades', 'admin', { stationId: 'UP-201', securityProfile: 3 });
    expect(three).toMatchObject({ status: 409, body: { code: 'client-certificate-missing', detail: expect.stringContaining('sign one first') } });

    // The connection's internal endpoint never lowers the minimum, and wants the internal token.
    const internal = (token: string, securityProfile: number) =>
      fetch(`${connection.baseUrl}/api/internal/connection/stations/UP-201/minimum-security-profile`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ securityProfile }),
      });
    const lower = await internal(INTERNAL_TOKEN, 1);
    expect([lower.status, await lower.json()]).toEqual([200, { securityProfile: 2, raised: false }]);
    expect((await internal('not-the-internal-token-0123456789', 3)).status).toBe(401);
    expect((await liveProfile('UP-201')).securityProfile).toBe(2);

    // The raised minimum locks the old profile out.
    await station.disconnect();
    const old = await connectStation(`${wsUrl}/UP-201`, ['ocpp2.0.1'], { headers: basicAuth('UP-201', PASSWORD) });
    if (old.open) old.socket.close();
    expect(old.open).toBe(false);
    await station.connect();
    expect(station.networkProfiles.activeSlot).toBe(2);
  });

  it('upgrades a 2.0.1 station holding our client certificate to profile 3, confirms it on mutual TLS and then refuses Basic auth', async () => {
    const id = 'UP-201-TLS';
    const { station } = await signedStation({ id, version: '2.0.1', serialNumber: `SN-${id}`, organization: ORGANIZATION, wsUrl, password: PASSWORD, api, connection, pki });
    stations.push(station);

    const started = await startUpgrade(id, 3);
    expect(started).toMatchObject({ status: 202, body: { stationId: id, protocol: '2.0.1', fromProfile: 1, toProfile: 3, csmsUrl: wssUrl, status: 'running' } });
    const job = await finished(String(started.body.id));
    expect(job).toMatchObject({ status: 'succeeded', step: 'done', networkSlot: 2, previousPriority: '1', reason: null });
    expectSlotTwoUpgrade(job, 3);
    expect(station.isConnected).toBe(true);
    expect(station.networkProfiles.activeSlot).toBe(2);
    expect(await liveProfile(id)).toMatchObject({ securityProfile: 3, live: expect.objectContaining({ connected: true, securityProfile: 3 }) });

    // Profile 2 (TLS with Basic auth, the CSMS root trusted) and profile 1 are both refused now.
    await station.disconnect();
    const ca = readFileSync(file('root.pem'), 'utf8');
    const basicOverTls = await connectStation(`${wssUrl}/${id}`, ['ocpp2.0.1'], { ca, headers: basicAuth(id, PASSWORD) });
    if (basicOverTls.open) basicOverTls.socket.close();
    expect(basicOverTls.open).toBe(false);
    const basic = await connectStation(`${wsUrl}/${id}`, ['ocpp2.0.1'], { headers: basicAuth(id, PASSWORD) });
    if (basic.open) basic.socket.close();
    expect(basic.open).toBe(false);
    // Its client certificate still gets it in.
    await station.connect();
    expect(station.networkProfiles.activeSlot).toBe(2);
    expect(station.isConnected).toBe(true);
  });

  it('upgrades a 1.6 station with ChangeConfiguration SecurityProfile and a Hard Reset', async () => {
    const id = 'UP-16';
    expect((await call(connection, 'PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD, serialNumber: `SN-${id}` })).status).toBe(201);
    // 1.6 has no key for the CSMS URL: the station reaches the same gateway over TLS once on profile 2.
    const station = new SimulatedStation({ id, version: '1.6', identity: { serialNumber: `SN-${id}` }, organization: ORGANIZATION, connection: { url: wsUrl, secureUrl: wssUrl, securityProfile: 1, password: PASSWORD } });
    stations.push(station);
    await station.connect();
    await station.boot();

    const started = await startUpgrade(id, 2);
    expect(started).toMatchObject({ status: 202, body: { protocol: '1.6', fromProfile: 1, toProfile: 2 } });
    const job = await finished(String(started.body.id));
    expect(job).toMatchObject({ status: 'succeeded', networkSlot: null, previousPriority: null });
    expect((job.steps as Json[]).map((step) => [step.step, step.action, step.ok])).toEqual([
      ['installRoot', 'InstallCertificate CSMSRootCertificate', true],
      ['configure', 'ChangeConfiguration SecurityProfile=2', true],
      ['reset', 'Reset', true],
      ['awaitReconnect', 'wait for a connection on profile 2', true],
      ['raiseMinimum', 'raise the registered minimum profile', true],
    ]);
    expect(station.certificates.list(['CentralSystemRootCertificate'])).toHaveLength(1);
    expect(station.settings.value('SecurityProfile')).toBe('2');
    expect(await liveProfile(id)).toMatchObject({ securityProfile: 2, live: expect.objectContaining({ connected: true, protocol: 'ocpp1.6', securityProfile: 2 }) });
  });

  it('rolls an upgrade back when the station cannot come back on the new profile, leaving it on profile 1, across a PKI restart', async () => {
    await pki.stop();
    const unreachable = `wss://127.0.0.1:${await freePort()}/ocpp`;
    pki = await startPki(unreachable);
    const station = await station201OnProfile1('UP-BACK');

    const started = await startUpgrade('UP-BACK', 2);
    expect(started).toMatchObject({ status: 202, body: { csmsUrl: unreachable } });
    // Killed while it waits for the station: the restarted PKI resumes the job from PostgreSQL.
    await eventually(
      'the job to wait for the station',
      async () => ((await call(pki, 'GET', `/api/profile-upgrades/${String(started.body.id)}`, 'viewer')).body.step === 'awaitReconnect' ? true : undefined),
      60_000,
      [pki],
    );
    await pki.stop('SIGKILL');
    pki = await startPki(unreachable);
    const job = await finished(String(started.body.id));
    expect(job).toMatchObject({ status: 'failed', step: 'done', networkSlot: 2, previousPriority: '1' });
    expect(job.reason).toContain(`did not come back on profile 2 within ${UPGRADE_TIMEOUT_S} s`);
    expect(job.reason).toContain('rolled back');
    const steps = (job.steps as Json[]).map((step) => [step.step, step.action, step.ok]);
    expect(steps.slice(-3)).toEqual([
      ['awaitReconnect', 'wait for a connection on profile 2', false],
      ['rollback', 'SetVariables OCPPCommCtrlr/NetworkConfigurationPriority=1', true],
      ['rollback', 'Reset', true],
    ]);

    await eventually('the station back on profile 1 through its first slot', async () => (station.isConnected && station.networkProfiles.activeSlot === 1 ? true : undefined), 60_000, [connection]);
    expect(station.settings.value('NetworkConfigurationPriority')).toBe('1');
    const detail = await eventually(
      'the gateway to see the station on profile 1',
      async () => {
        const body = await liveProfile('UP-BACK');
        return (body.live as Json | undefined)?.connected === true ? body : undefined;
      },
      30_000,
      [connection],
    );
    expect(detail).toMatchObject({ securityProfile: 1, live: expect.objectContaining({ securityProfile: 1 }) });
  });
});
