import { readFileSync } from 'node:fs';
import { connect as tlsConnect } from 'node:tls';
import { hashPassword } from '@app/connection';
import { StationEventSchema, fromBinary } from '@test/support/contracts';
import { freePort } from '@test/support/free-port';
import { readUntil, testBrokers, testKafka, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { type IssuedCertificate, TestPki } from '@test/support/test-pki';
import { basicAuth, closed, connectStation, exchange } from '@test/support/ws-station';

const ORGANIZATION = 'Test Operator';
const PASSWORD = 'station-password-0123';

/** Security profiles 1-3 over real sockets: ws + Basic, TLS + Basic, mutual TLS. */
describe('OCPP gateway security profiles', () => {
  const prefix = uniqueTopicPrefix('gwsec');
  let database: TestDatabase;
  let connection: ServiceProcess;
  let pki: TestPki;
  let ca: Buffer;
  let wsUrl: string;
  let wssUrl: string;
  const stationCert: Record<string, IssuedCertificate> = {};

  beforeAll(async () => {
    pki = await TestPki.create();
    ca = readFileSync(pki.caFile);
    const [rsa, ecdsa] = await Promise.all([pki.issueServer('rsa'), pki.issueServer('ecdsa')]);
    const day = 24 * 3600 * 1000;
    stationCert.good = await pki.issueStation({ cn: 'SN-3', o: ORGANIZATION });
    stationCert.goodRsa = await pki.issueStation({ cn: 'SN-3', o: ORGANIZATION, kind: 'rsa' });
    stationCert.wrongCn = await pki.issueStation({ cn: 'SN-OTHER', o: ORGANIZATION });
    stationCert.wrongO = await pki.issueStation({ cn: 'SN-3', o: 'Someone Else' });
    stationCert.expired = await pki.issueStation({ cn: 'SN-3', o: ORGANIZATION, notBefore: new Date(Date.now() - 10 * day), notAfter: new Date(Date.now() - day) });
    stationCert.notYetValid = await pki.issueStation({ cn: 'SN-3', o: ORGANIZATION, notBefore: new Date(Date.now() + day) });
    stationCert.revoked = await pki.issueStation({ cn: 'SN-3', o: ORGANIZATION });
    stationCert.unknownCa = await (await TestPki.create('Unknown CA')).issueStation({ cn: 'SN-3', o: ORGANIZATION });
    const crlFile = await pki.crlFile([stationCert.revoked.serialNumber]);

    database = await createTestDatabase('gateway_security');
    const [httpPort, wsPort, wssPort] = await Promise.all([freePort(), freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    wssUrl = `wss://127.0.0.1:${wssPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_WSS_PORT: String(wssPort),
        OCPP_TLS_CERT_FILES: `${rsa.certFile},${ecdsa.certFile}`,
        OCPP_TLS_KEY_FILES: `${rsa.keyFile},${ecdsa.keyFile}`,
        OCPP_TLS_CA_FILE: pki.caFile,
        OCPP_TLS_CRL_FILE: crlFile,
        OCPP_CERT_ORGANIZATION: ORGANIZATION,
        OCPP_UNKNOWN_STATIONS: 'reject',
        OCPP_TLS_RELOAD_SECONDS: '1',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    const hash = await hashPassword(PASSWORD);
    await database.query(
      `INSERT INTO connection.station (id, security_profile, password_hash, serial_number) VALUES
        ('P1', 1, $1, NULL), ('P2', 2, $1, NULL), ('P3', 3, $1, 'SN-3'), ('LEGACY', 0, NULL, NULL)`,
      [hash],
    );
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  const tlsClient = (certificate?: IssuedCertificate) => ({ ca, ...(certificate ? { cert: certificate.certPem, key: certificate.keyPem } : {}) });

  async function expectAccepted(url: string, options: Parameters<typeof connectStation>[2], protocol = 'ocpp2.0.1') {
    const outcome = await connectStation(url, [protocol], options);
    if (!outcome.open) throw new Error(`refused with ${outcome.status}: ${outcome.body}`);
    expect(outcome.protocol).toBe(protocol);
    const boot =
      protocol === 'ocpp1.6'
        ? { chargePointVendor: 'Test', chargePointModel: 'Model' }
        : { reason: 'PowerUp', chargingStation: { vendorName: 'Test', model: 'Model' } };
    const answer = await exchange(outcome.socket, JSON.stringify([2, 'boot-1', 'BootNotification', boot]));
    expect(answer).toEqual([3, 'boot-1', expect.objectContaining({ status: 'Accepted' })]);
    outcome.socket.close();
  }

  async function expectRefused(url: string, options: Parameters<typeof connectStation>[2], status = 401) {
    const outcome = await connectStation(url, ['ocpp2.0.1'], options);
    if (outcome.open) outcome.socket.close();
    expect(outcome).toMatchObject({ open: false, status });
  }

  describe('profile 1: Basic auth over ws://', () => {
    it('accepts the right password, in both versions', async () => {
      await expectAccepted(`${wsUrl}/P1`, { headers: basicAuth('P1', PASSWORD) });
      await expectAccepted(`${wsUrl}/P1`, { headers: basicAuth('P1', PASSWORD) }, 'ocpp1.6');
    });

    it.each([
      ['no credentials', {}],
      ['a wrong password', basicAuth('P1', 'wrong-password-0123')],
      ['another station id as user', basicAuth('P2', PASSWORD)],
      ['a password shorter than 16', basicAuth('P1', 'short')],
    ])('refuses %s with 401', async (_case, headers) => {
      await expectRefused(`${wsUrl}/P1`, { headers });
    });

    it('accepts a profile 1 station on a stronger profile (TLS)', async () => {
      await expectAccepted(`${wssUrl}/P1`, { ...tlsClient(), headers: basicAuth('P1', PASSWORD) });
    });
  });

  describe('profile 2: Basic auth over TLS', () => {
    it('accepts TLS with the right password', async () => {
      await expectAccepted(`${wssUrl}/P2`, { ...tlsClient(), headers: basicAuth('P2', PASSWORD) });
    });

    it('refuses a downgrade to ws:// and records a security event', async () => {
      await expectRefused(`${wsUrl}/P2`, { headers: basicAuth('P2', PASSWORD) });
      const messages = await readUntil(testKafka(), `${prefix}ocpp.events`, (seen) =>
        seen.some((message) => decodeSecurityEvent(message.value)?.stationId === 'P2'),
      );
      const event = messages.map((message) => decodeSecurityEvent(message.value)).find((decoded) => decoded?.stationId === 'P2');
      expect(event?.body).toMatchObject({ case: 'securityEvent', value: { type: 'SecurityProfileDowngrade', raisedByCsms: true } });
    });
  });

  describe('profile 3: TLS client certificate', () => {
    it('accepts a valid ECDSA or RSA certificate with CN = serial and O = operator', async () => {
      await expectAccepted(`${wssUrl}/P3`, tlsClient(stationCert.good));
      await expectAccepted(`${wssUrl}/P3`, tlsClient(stationCert.goodRsa), 'ocpp1.6');
    });

    it.each(['wrongCn', 'wrongO', 'expired', 'notYetValid', 'revoked', 'unknownCa'])('refuses a certificate that is %s', async (name) => {
      await expectRefused(`${wssUrl}/P3`, tlsClient(stationCert[name]));
    });

    it('refuses Basic auth alone (profile 2) for a profile 3 station', async () => {
      await expectRefused(`${wssUrl}/P3`, { ...tlsClient(), headers: basicAuth('P3', PASSWORD) });
    });

    it('presents an ECDSA or an RSA server certificate according to what the client offers', async () => {
      const serverKey = (ciphers: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = tlsConnect({ host: '127.0.0.1', port: Number(new URL(wssUrl).port), ca, ciphers, maxVersion: 'TLSv1.2' }, () => {
            const certificate = socket.getPeerCertificate();
            resolve(certificate.asn1Curve ? `ec-${certificate.asn1Curve}` : `rsa-${certificate.bits}`);
            socket.end();
          });
          socket.on('error', reject);
        });
      expect(await serverKey('ECDHE-ECDSA-AES128-GCM-SHA256')).toBe('ec-prime256v1');
      expect(await serverKey('ECDHE-RSA-AES256-GCM-SHA384')).toBe('rsa-2048');
    });

    it('refuses TLS below 1.2 with a protocol-version alert', async () => {
      const port = Number(new URL(wssUrl).port);
      // SECLEVEL=0 lets this client really offer TLS 1.1, so the refusal is the server's.
      const legacyClient = { host: '127.0.0.1', port, ca, maxVersion: 'TLSv1.1' as const, minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' };
      await expect(
        new Promise((resolve, reject) => {
          const socket = tlsConnect(legacyClient, () => resolve(socket.getProtocol()));
          socket.on('error', reject);
        }),
      ).rejects.toMatchObject({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
    });
  });

  describe('connection rules', () => {
    it('accepts a station without credentials only where an operator allowed it', async () => {
      await expectAccepted(`${wsUrl}/LEGACY`, {}, 'ocpp1.6');
    });

    it('refuses unknown stations when configured to', async () => {
      await expectRefused(`${wsUrl}/NOT-REGISTERED`, { headers: basicAuth('NOT-REGISTERED', PASSWORD) });
    });

    it.each([
      ['no subprotocol', [] as string[]],
      ['an unknown subprotocol', ['ocpp1.5']],
    ])('refuses %s with 400 before authenticating', async (_case, protocols) => {
      const outcome = await connectStation(`${wsUrl}/P1`, protocols, { headers: basicAuth('P1', PASSWORD) });
      expect(outcome).toMatchObject({ open: false, status: 400 });
    });

    it('refuses an invalid station id with 400', async () => {
      const outcome = await connectStation(`${wsUrl}/${'x'.repeat(49)}`, ['ocpp1.6']);
      expect(outcome).toMatchObject({ open: false, status: 400 });
    });

    it('replaces the first connection when the same station connects again', async () => {
      const first = await connectStation(`${wsUrl}/P1`, ['ocpp2.0.1'], { headers: basicAuth('P1', PASSWORD) });
      if (!first.open) throw new Error('first connection refused');
      const firstClosed = closed(first.socket);
      const second = await connectStation(`${wsUrl}/P1`, ['ocpp2.0.1'], { headers: basicAuth('P1', PASSWORD) });
      if (!second.open) throw new Error('second connection refused');
      expect(await firstClosed).toMatchObject({ code: 1000 });
      const answer = await exchange(second.socket, JSON.stringify([2, 'hb', 'Heartbeat', {}]));
      expect(answer).toEqual([3, 'hb', { currentTime: expect.any(String) }]);
      second.socket.close();
    });
  });

  describe('TLS material', () => {
    // Last in this file: it revokes the certificate the tests above use.
    it('takes a new CRL into account without a restart', async () => {
      await expectAccepted(`${wssUrl}/P3`, tlsClient(stationCert.good));
      await pki.crlFile([stationCert.revoked.serialNumber, stationCert.good.serialNumber]);
      await eventually('the new CRL to be loaded', async () => {
        const outcome = await connectStation(`${wssUrl}/P3`, ['ocpp2.0.1'], tlsClient(stationCert.good));
        if (outcome.open) outcome.socket.close();
        return outcome.open ? undefined : outcome.status;
      }, 15_000);
    });
  });
});

function decodeSecurityEvent(value: Buffer | null) {
  if (!value) return undefined;
  try {
    const event = fromBinary(StationEventSchema, value);
    return event.body.case === 'securityEvent' ? event : undefined;
  } catch {
    return undefined;
  }
}
