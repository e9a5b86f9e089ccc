import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pkiService } from '@app/pki';
import { AuthoritiesService } from '@app/pki/authorities/authorities.service';
import { certificateHashData } from '@app/pki/inventory/certificate-hash-data';
import { IssuedCertificateRepository } from '@app/pki/inventory/issued-certificate.repository';
import { PKI_SCHEMA } from '@app/pki/persistence/pki-schema';
import { CrlPublisher } from '@app/pki/revocation/crl.publisher';
import { decideCsr } from '@app/pki/signing/csr-policy';
import { issueStationCertificate } from '@app/pki/signing/station-certificate.issuer';
import { OpensslCli } from '@app/pki/testing/openssl-cli';
import { toPem } from '@app/pki/x509/pem';
import { dataSourceToken } from '@app/persistence';
import { type RunningProcess, runServices } from '@app/runtime';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { OperatorApiClient } from '@test/support/operator-api-client';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import type { DataSource } from 'typeorm';

const execFileAsync = promisify(execFile);
const ORGANIZATION = 'Example Charging Ltd';

/**
 * Revocation in the pki service on real PostgreSQL: revoke over REST, the CRL and the OCSP
 * responder over HTTP, checked by the openssl CLI as the relying party (`openssl ocsp -url` posts
 * its own request). The CAs are created through the CA REST API; the service runs in this process
 * so the test can issue station certificates with the stored sub-CA into the real inventory
 * without a station (pki-revocation-gateway.e2e-spec.ts goes through SignCertificate).
 */
describe('PKI revocation over HTTP', () => {
  const api = new OperatorApiClient();
  const openssl = new OpensslCli();
  let dir: string;
  let database: TestDatabase;
  let running: RunningProcess;
  let base: string;
  let rootId: string;
  let subId: string;

  /** openssl ocsp as a client of our responder (it POSTs, checks the signature against the root and the nonce). */
  async function ocspOverHttp(certificate: string[]): Promise<string> {
    const { stdout, stderr } = await execFileAsync('openssl', ['ocsp', '-url', `${base}/api/ocsp`, '-issuer', 'sub.pem', ...certificate, '-CAfile', 'root.pem'], { cwd: openssl.dir });
    expect(stderr).toBe('Response verify OK\n');
    return stdout;
  }

  /** A station certificate from the stored, active sub-CA, recorded in the inventory as the signing flow does. */
  async function issue(name: string): Promise<string> {
    const key = openssl.newKey(`${name}.key`, 'ec:P-256');
    const decision = decideCsr(openssl.csr(key, `/CN=${name}/O=${ORGANIZATION}`), { stationSerialNumber: name, organization: ORGANIZATION });
    if (decision.outcome !== 'accepted') throw new Error(decision.refusal.message);
    const issuer = await running.app.get(AuthoritiesService).issuing('stationSubCa');
    if (!issuer) throw new Error('no active station sub-CA');
    const certificate = await issueStationCertificate(decision.csr, issuer.authority, { validityDays: 30 });
    openssl.write(`${name}.pem`, toPem('CERTIFICATE', certificate.der));
    const dataSource = running.app.get<string, DataSource>(dataSourceToken(PKI_SCHEMA));
    await dataSource.transaction((manager) =>
      running.app.get(IssuedCertificateRepository).insert(manager, {
        serialNumber: certificate.serialNumber,
        issuerCaId: issuer.record.id,
        stationId: name,
        certificateType: 'ChargingStationCertificate',
        subject: `O=${ORGANIZATION}, CN=${name}`,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        csrFingerprint: `e2e-${name}`,
        certificatePem: toPem('CERTIFICATE', certificate.der),
        chainPem: certificate.chainPem,
        hashData: certificateHashData(certificate.der, issuer.authority.certificate),
      }),
    );
    return certificate.serialNumber;
  }

  async function createCa(body: Record<string, unknown>): Promise<{ id: string; certificatePem: string; crlUrl: string; ocspUrl: string }> {
    const created = await api.call(base, 'POST', '/api/certificate-authorities', 'admin', { organization: ORGANIZATION, ...body });
    expect(created.status).toBe(201);
    return created.body as unknown as { id: string; certificatePem: string; crlUrl: string; ocspUrl: string };
  }

  async function fetchCrl(caId = subId): Promise<string> {
    const response = await fetch(`${base}/api/crls/${caId}`);
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
      PKI_KEY_DIR: path.join(dir, 'keys'),
      PKI_CA_KEY_PASSPHRASE: 'pki-revocation-e2e-passphrase-0123456789',
    });
    running = await runServices({ defaultHttpPort: 3002, embedded: false }, [pkiService]);
    base = running.urls.api.replace(/\/api$/, '');
    const root = await createCa({ name: 'Revocation Root', role: 'root', commonName: 'Revocation Root', keyType: 'EC-P256', validityDays: 365 });
    const sub = await createCa({ name: 'Revocation Sub-CA', role: 'stationSubCa', parentId: root.id, commonName: 'Revocation Sub-CA', keyType: 'EC-P256', validityDays: 100 });
    [rootId, subId] = [root.id, sub.id];
    // The pointers a new CA writes into what it issues are the routes served here.
    expect([sub.crlUrl, sub.ocspUrl]).toEqual([`${process.env.PKI_PUBLIC_URL ?? `http://localhost:${new URL(base).port}`}/api/crls/${subId}`, expect.stringMatching(/\/api\/ocsp$/)]);
    openssl.write('root.pem', root.certificatePem);
    openssl.write('sub.pem', sub.certificatePem);
    openssl.write('cas.pem', sub.certificatePem + root.certificatePem);
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
    // The root has its (empty) CRL too: whoever checks CRLs checks the whole chain.
    expect(await fetchCrl(rootId)).toContain('No Revoked Certificates.');
  });

  it('answers good over OCSP, then revoked with the reason once an admin revoked it; the CRL lists it', async () => {
    const serial = await issue('REV-1');
    expect(await ocspOverHttp(['-cert', 'REV-1.pem'])).toContain('REV-1.pem: good');

    expect((await api.call(base, 'POST', '/api/revocations', 'operator', { serialNumber: serial, reason: 'keyCompromise' })).status).toBe(403);
    const revoked = await api.call(base, 'POST', '/api/revocations', 'admin', { serialNumber: serial.toUpperCase(), reason: 'keyCompromise' });
    expect(revoked).toMatchObject({ status: 201, body: { caId: subId, serialNumber: serial, reason: 'keyCompromise', revokedBy: 'e2e-admin' } });

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
    expect(listed).toMatchObject({ status: 200, body: { items: [{ caId: subId, serialNumber: serial, reason: 'keyCompromise' }], nextCursor: null } });
  });

  it('renews the CRL once it is half way to its nextUpdate, one renewal at a time', async () => {
    const publisher = running.app.get(CrlPublisher);
    const current = await publisher.crlOf(subId);
    const later = new Date(current.thisUpdate.getTime() + 13 * 3600_000);
    // Three replicas fetching at once: one signs, the others get its CRL.
    const renewed = await Promise.all([publisher.crlOf(subId, later), publisher.crlOf(subId, later), publisher.crlOf(subId, later)]);
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

  it('lists each issued certificate with its revocation, joined by CA and serial, and filters revoked or not across pages', async () => {
    const [kept, revoked] = [await issue('REV-LIST-KEPT'), await issue('REV-LIST-GONE')];
    expect((await api.call(base, 'POST', '/api/revocations', 'admin', { serialNumber: revoked, reason: 'superseded' })).status).toBe(201);
    type Item = { serialNumber: string; stationId: string; revocation: { revokedAt: string; reason: string } | null };
    const list = async (query: string): Promise<Item[]> => {
      const items: Item[] = [];
      for (let cursor: string | null = null, pages = 0; pages < 20; pages += 1) {
        const page = await api.call(base, 'GET', `/api/issued-certificates?limit=1&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, 'viewer');
        expect(page.status).toBe(200);
        items.push(...(page.body.items as Item[]));
        cursor = page.body.nextCursor as string | null;
        if (!cursor) return items;
      }
      throw new Error('more pages than certificates');
    };
    const revokedOnes = await list('revoked=true');
    // Newest first: REV-LIST-GONE was issued after REV-1 (revoked by the earlier test).
    expect(revokedOnes.map((item) => [item.stationId, item.revocation?.reason])).toEqual([
      ['REV-LIST-GONE', 'superseded'],
      ['REV-1', 'keyCompromise'],
    ]);
    expect(Date.parse(revokedOnes[0]?.revocation?.revokedAt ?? '')).toBeGreaterThan(Date.now() - 120_000);
    const notRevoked = await list('revoked=false');
    expect(notRevoked.map((item) => item.stationId)).toEqual(['REV-LIST-KEPT']);
    expect(notRevoked[0]?.revocation).toBeNull();
    expect((await list(`stationId=REV-LIST-GONE&revoked=false`)).length).toBe(0);
    expect(await api.call(base, 'GET', `/api/issued-certificates/${revoked}`, 'viewer')).toMatchObject({ status: 200, body: { serialNumber: revoked, revocation: { reason: 'superseded' } } });
    expect(await api.call(base, 'GET', `/api/issued-certificates/${kept}`, 'viewer')).toMatchObject({ status: 200, body: { serialNumber: kept, revocation: null } });
    expect(await api.call(base, 'GET', '/api/issued-certificates?revoked=yes', 'viewer')).toMatchObject({ status: 400 });
  });

  it('counts in the expiry calendar the certificates not revoked, by ISO week, with the soonest listed and the same totals as the list', async () => {
    // Issued for 30 days: within 45, 60 and 90 days (30 is the boundary itself, left out here).
    const kept = await issue('REV-EXPIRY-KEPT');
    const calendar = await api.call(base, 'GET', '/api/certificate-expiry?days=45&soonest=50', 'viewer');
    expect(calendar.status).toBe(200);
    type Listed = { stationId: string; serialNumber: string; notAfter: string };
    const body = calendar.body as { days: number; weeks: { weekStart: string; issued: number; installed: number }[]; totals: { withinDays: number; issued: number }[]; soonest: { issued: Listed[] } };
    const notRevoked = (await api.call(base, 'GET', '/api/issued-certificates?revoked=false&expiringWithinDays=45&limit=500', 'viewer')).body.items as Listed[];
    expect(body.days).toBe(45);
    expect(body.soonest.issued.map((item) => item.serialNumber).sort()).toEqual(notRevoked.map((item) => item.serialNumber).sort());
    expect(body.soonest.issued.map((item) => item.serialNumber)).toContain(kept);
    expect(body.soonest.issued.map((item) => item.stationId)).not.toContain('REV-LIST-GONE');
    expect(body.weeks.reduce((sum, week) => sum + week.issued, 0)).toBe(notRevoked.length);
    for (const week of body.weeks) expect(new Date(`${week.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const listed = body.soonest.issued.find((item) => item.serialNumber === kept);
    const monday = new Date(listed?.notAfter ?? '');
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    expect(body.weeks.map((week) => week.weekStart)).toContain(monday.toISOString().slice(0, 10));
    expect(body.totals.map((total) => total.withinDays)).toEqual([30, 45, 60, 90]);
    expect(body.totals.find((total) => total.withinDays === 90)?.issued).toBe(notRevoked.length);
    expect(await api.call(base, 'GET', '/api/certificate-expiry?days=0', 'viewer')).toMatchObject({ status: 400 });
    expect(await api.call(base, 'GET', '/api/certificate-expiry?soonest=51', 'viewer')).toMatchObject({ status: 400 });
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
    expect(document.paths['/api/revocations']?.post).toMatchObject({ 'x-required-role': 'security-officer', security: [{ 'api-token': [] }, { oidc: [] }] });
    expect(document.paths['/api/revocations']?.get).toMatchObject({ 'x-required-role': 'viewer' });
    const listIssued = document.paths['/api/issued-certificates']?.get as Operation & { parameters?: { name: string; schema?: { type?: string } }[] };
    expect(listIssued.parameters?.find((parameter) => parameter.name === 'revoked')).toMatchObject({ schema: { type: 'boolean' } });
    for (const [route, method, type] of [['/api/crls/{caId}', 'get', 'application/pkix-crl'], ['/api/ocsp', 'post', 'application/ocsp-response']] as const) {
      const operation = document.paths[route]?.[method];
      expect(operation?.security).toBeUndefined();
      expect(operation?.['x-required-role']).toBeUndefined();
      expect(Object.keys(operation?.responses?.['200']?.content ?? {})).toEqual([type]);
    }
  });
});
