import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pkiService } from '@app/pki';
import { CrlPublisher } from '@app/pki/revocation/crl.publisher';
import { RecordedIssuedCertificates } from '@app/pki/revocation/issued-certificates';
import { RegisteredAuthorities } from '@app/pki/revocation/issuing-authorities';
import { type IssuingHierarchy, issuingHierarchy } from '@app/pki/testing/issuing-hierarchy';
import { OpensslCli } from '@app/pki/testing/openssl-cli';
import { type RunningProcess, runServices } from '@app/runtime';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { OperatorApiClient } from '@test/support/operator-api-client';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

const execFileAsync = promisify(execFile);

/**
 * Revocation in the pki service on real PostgreSQL: revoke over REST, the CRL and the OCSP
 * responder over HTTP, checked by the openssl CLI as the relying party (`openssl ocsp -url` posts
 * its own request). The service runs in this process so the test can register its CA and issued
 * certificates with the stand-ins that the CA store and the issued-certificate repository replace.
 */
describe('PKI revocation over HTTP', () => {
  const api = new OperatorApiClient();
  const openssl = new OpensslCli();
  let dir: string;
  let database: TestDatabase;
  let running: RunningProcess;
  let base: string;
  let hierarchy: IssuingHierarchy;
  let issued: RecordedIssuedCertificates;

  /** openssl ocsp as a client of our responder (it POSTs, checks the signature against the root and the nonce). */
  async function ocspOverHttp(certificate: string[]): Promise<string> {
    const { stdout, stderr } = await execFileAsync('openssl', ['ocsp', '-url', `${base}/api/ocsp`, '-issuer', 'sub.pem', ...certificate, '-CAfile', 'root.pem'], { cwd: openssl.dir });
    expect(stderr).toBe('Response verify OK\n');
    return stdout;
  }

  async function issue(name: string): Promise<string> {
    const certificate = await hierarchy.issue(name);
    issued.record({ issuerId: 'stations', serialNumber: certificate.serialNumber, notAfter: certificate.notAfter });
    return certificate.serialNumber;
  }

  async function fetchCrl(): Promise<string> {
    const response = await fetch(`${base}/api/crls/stations`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pkix-crl');
    openssl.write('stations.crl', Buffer.from(await response.arrayBuffer()));
    expect(openssl.diagnostics(['crl', '-inform', 'DER', '-in', 'stations.crl', '-CAfile', 'cas.pem', '-noout', '-verify'])).toEqual({ status: 0, stderr: 'verify OK\n' });
    return openssl.run(['crl', '-inform', 'DER', '-in', 'stations.crl', '-noout', '-text']);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-pki-revocation-'));
    database = await createTestDatabase('pki_revocation');
    Object.assign(process.env, {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('pkirevoke'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      HTTP_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    running = await runServices({ defaultHttpPort: 3002, embedded: false }, [pkiService]);
    base = running.urls.api.replace(/\/api$/, '');
    hierarchy = await issuingHierarchy(openssl, { type: 'ec', curve: 'P-256' });
    openssl.write('cas.pem', openssl.read('sub.pem') + openssl.read('root.pem'));
    running.app.get(RegisteredAuthorities).register({ id: 'stations', authority: hierarchy.sub });
    issued = running.app.get(RecordedIssuedCertificates);
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves a signed, empty CRL, and the same one again while it is fresh', async () => {
    const text = await fetchCrl();
    expect(text).toContain('No Revoked Certificates.');
    expect(text).toMatch(/X509v3 CRL Number: *\n *1\n/);
    expect(await fetchCrl()).toMatch(/X509v3 CRL Number: *\n *1\n/);
    expect((await fetch(`${base}/api/crls/nobody`)).status).toBe(404);
  });

  it('answers good over OCSP, then revoked with the reason once an admin revoked it; the CRL lists it', async () => {
    const serial = await issue('REV-1');
    expect(await ocspOverHttp(['-cert', 'REV-1.pem'])).toContain('REV-1.pem: good');

    expect((await api.call(base, 'POST', '/api/revocations', 'operator', { serialNumber: serial, reason: 'keyCompromise' })).status).toBe(403);
    const revoked = await api.call(base, 'POST', '/api/revocations', 'admin', { serialNumber: serial.toUpperCase(), reason: 'keyCompromise' });
    expect(revoked).toMatchObject({ status: 201, body: { caId: 'stations', serialNumber: serial, reason: 'keyCompromise', revokedBy: 'e2e-admin' } });

    const ocsp = await ocspOverHttp(['-cert', 'REV-1.pem']);
    expect(ocsp).toContain('REV-1.pem: revoked');
    expect(ocsp).toContain('Reason: keyCompromise');
    const crl = await fetchCrl();
    expect(crl).toMatch(/X509v3 CRL Number: *\n *2\n/);
    expect(crl).toContain(`Serial Number: ${serial.toUpperCase()}`);
    expect(crl).toContain('Key Compromise');

    const again = await api.call(base, 'POST', '/api/revocations', 'admin', { serialNumber: serial, reason: 'superseded' });
    expect(again).toMatchObject({ status: 409, body: { code: 'already-revoked', revocation: { reason: 'keyCompromise' } } });
    const listed = await api.call(base, 'GET', `/api/revocations?serialNumber=${serial}`, 'viewer');
    expect(listed).toMatchObject({ status: 200, body: { items: [{ caId: 'stations', serialNumber: serial, reason: 'keyCompromise' }], nextCursor: null } });
  });

  it('renews the CRL once it is half way to its nextUpdate, one renewal at a time', async () => {
    const publisher = running.app.get(CrlPublisher);
    const current = await publisher.crlOf('stations');
    const later = new Date(current.thisUpdate.getTime() + 13 * 3600_000);
    // Three replicas fetching at once: one signs, the others get its CRL.
    const renewed = await Promise.all([publisher.crlOf('stations', later), publisher.crlOf('stations', later), publisher.crlOf('stations', later)]);
    expect(renewed.map((crl) => crl.crlNumber)).toEqual(Array(3).fill(current.crlNumber + 1n));
    expect(renewed[0]?.nextUpdate).toEqual(new Date(later.getTime() + 24 * 3600_000));
    expect(await fetchCrl()).toMatch(new RegExp(`X509v3 CRL Number: *\\n *${current.crlNumber + 1n}\\n`));
  });

  it('answers unknown for a serial the CA never issued, and refuses to revoke it', async () => {
    expect(await ocspOverHttp(['-serial', '0x1234abcd'])).toMatch(/0x1234abcd: unknown/);
    const refused = await api.call(base, 'POST', '/api/revocations', 'admin', { serialNumber: '1234abcd', reason: 'unspecified' });
    expect(refused).toMatchObject({ status: 404, body: { code: 'certificate-not-found' } });
    const badReason = await api.call(base, 'POST', '/api/revocations', 'admin', { serialNumber: '1234abcd', reason: 'certificateHold' });
    expect(badReason.status).toBe(400);
  });

  it('answers the GET form, refuses a body that is not an OCSP request, and answers garbage malformedRequest', async () => {
    await issue('REV-GET');
    openssl.run(['ocsp', '-issuer', 'sub.pem', '-cert', 'REV-GET.pem', '-reqout', 'get.der']);
    const encoded = encodeURIComponent(readFileSync(openssl.file('get.der')).toString('base64'));
    const response = await fetch(`${base}/api/ocsp/${encoded}`);
    expect(response.headers.get('content-type')).toBe('application/ocsp-response');
    openssl.write('get-resp.der', Buffer.from(await response.arrayBuffer()));
    expect(openssl.run(['ocsp', '-reqin', 'get.der', '-respin', 'get-resp.der', '-CAfile', 'root.pem', '-verify_other', 'sub.pem', '-resp_text'])).toContain('Cert Status: good');

    const wrongType = await fetch(`${base}/api/ocsp`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);
    const garbage = await fetch(`${base}/api/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: 'not DER at all' });
    expect(garbage.status).toBe(200);
    expect(Buffer.from(await garbage.arrayBuffer())).toEqual(Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x01]));
  });

  it('documents the endpoints in OpenAPI: revoking for admins, the CRL and OCSP without a token', async () => {
    type Operation = { 'x-required-role'?: string; security?: unknown; responses?: Record<string, { content?: Record<string, unknown> }> };
    const document = (await (await fetch(`${base}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    expect(document.paths['/api/revocations']?.post).toMatchObject({ 'x-required-role': 'admin', security: [{ 'api-token': [] }] });
    expect(document.paths['/api/revocations']?.get).toMatchObject({ 'x-required-role': 'viewer' });
    for (const [route, method, type] of [['/api/crls/{caId}', 'get', 'application/pkix-crl'], ['/api/ocsp', 'post', 'application/ocsp-response']] as const) {
      const operation = document.paths[route]?.[method];
      expect(operation?.security).toBeUndefined();
      expect(operation?.['x-required-role']).toBeUndefined();
      expect(Object.keys(operation?.responses?.['200']?.content ?? {})).toEqual([type]);
    }
  });
});
