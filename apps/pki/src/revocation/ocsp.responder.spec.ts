import { readFileSync } from 'node:fs';
import type { CaKeySpec } from '../authorities/ca-key-spec';
import { type IssuingHierarchy, issuingHierarchy } from '../testing/issuing-hierarchy';
import { OpensslCli } from '../testing/openssl-cli';
import { toPem } from '../x509/pem';
import { type CertificateStatus, type CertificateStatusSource, IssuerIndex, type IssuingAuthority } from './certificate-status';
import { ocspRequestOfGetPath } from './ocsp-request.reader';
import { OcspResponder } from './ocsp.responder';
import type { RevocationReason } from './revocation-reason';

/** The status source of these specs: what the sub-CA issued and revoked, kept in maps. */
class IssuedAndRevoked implements CertificateStatusSource {
  readonly issued = new Set<string>();
  readonly revoked = new Map<string, { revokedAt: Date; reason: RevocationReason }>();
  private readonly index: IssuerIndex;

  constructor(private readonly issuer: IssuingAuthority) {
    this.index = new IssuerIndex([issuer]);
  }

  issuerOf(hash: 'sha1' | 'sha256', nameHash: Buffer, keyHash: Buffer): Promise<IssuingAuthority | undefined> {
    return Promise.resolve(this.index.find(hash, nameHash, keyHash));
  }

  statusOf(issuer: IssuingAuthority, serial: string): Promise<CertificateStatus> {
    expect(issuer).toBe(this.issuer);
    const revocation = this.revoked.get(serial);
    if (revocation) return Promise.resolve({ status: 'revoked', ...revocation });
    return Promise.resolve(this.issued.has(serial) ? { status: 'good' } : { status: 'unknown' });
  }
}

describe.each<[string, CaKeySpec]>([
  ['EC P-256', { type: 'ec', curve: 'P-256' }],
  ['RSA 2048', { type: 'rsa', bits: 2048 }],
])('the OCSP responder of an %s CA', (_name, spec) => {
  const openssl = new OpensslCli();
  let hierarchy: IssuingHierarchy;
  let source: IssuedAndRevoked;
  let responder: OcspResponder;

  beforeAll(async () => {
    hierarchy = await issuingHierarchy(openssl, spec);
    source = new IssuedAndRevoked({ id: 'sub', authority: hierarchy.sub });
    responder = new OcspResponder(source, { validityMs: 3600_000 });
  });

  /** openssl makes the request, our responder answers it, openssl checks the answer against the root. */
  async function ask(leaf: string, extra: string[] = []): Promise<string> {
    openssl.run(['ocsp', '-issuer', 'sub.pem', ...extra, '-cert', `${leaf}.pem`, '-reqout', 'req.der']);
    const answer = await responder.answer(readFileSync(openssl.file('req.der')));
    expect(answer.outcome).toBe('successful');
    openssl.write('resp.der', answer.response);
    // Against the request: the signature chains to the root and the nonce is the one sent.
    const full = openssl.run(['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-CAfile', 'root.pem', '-verify_other', 'sub.pem', '-resp_text']);
    // Against the certificate: openssl matches the CertID and prints the status (a new request would carry another nonce).
    const status = openssl.run(['ocsp', '-respin', 'resp.der', '-issuer', 'sub.pem', ...extra, '-cert', `${leaf}.pem`, '-CAfile', 'root.pem', '-no_nonce']);
    return full + status;
  }

  it('says good, then revoked with time and reason after revocation, for SHA-1 and SHA-256 CertIDs', async () => {
    const issued = await hierarchy.issue('OCSP-1');
    source.issued.add(issued.serialNumber);
    for (const digest of [[], ['-sha256']]) {
      const text = await ask('OCSP-1', digest);
      expect(text).toContain('OCSP-1.pem: good');
      expect(text).toContain(`Hash Algorithm: ${digest.length ? 'sha256' : 'sha1'}`);
      expect(text).toMatch(/OCSP Nonce: *\n *0410/);
    }
    source.revoked.set(issued.serialNumber, { revokedAt: new Date('2026-12-06T08:00:00Z'), reason: 'keyCompromise' });
    for (const digest of [[], ['-sha256']]) {
      const text = await ask('OCSP-1', digest);
      expect(text).toContain('OCSP-1.pem: revoked');
      expect(text).toContain('Reason: keyCompromise');
      expect(text).toContain('Revocation Time: Dec  6 08:00:00 2026 GMT');
    }
  });

  it('answers every CertID of a request, in order, each with its own status', async () => {
    const [good, revoked] = [await hierarchy.issue('OCSP-A'), await hierarchy.issue('OCSP-B')];
    source.issued.add(good.serialNumber).add(revoked.serialNumber);
    source.revoked.set(revoked.serialNumber, { revokedAt: new Date('2026-12-01T00:00:00Z'), reason: 'unspecified' });
    openssl.run(['ocsp', '-issuer', 'sub.pem', '-cert', 'OCSP-A.pem', '-cert', 'OCSP-B.pem', '-reqout', 'two.der']);
    openssl.write('two-resp.der', (await responder.answer(readFileSync(openssl.file('two.der')))).response);
    const text = openssl.run(['ocsp', '-respin', 'two-resp.der', '-issuer', 'sub.pem', '-cert', 'OCSP-A.pem', '-cert', 'OCSP-B.pem', '-CAfile', 'root.pem', '-no_nonce']);
    expect(text).toMatch(/OCSP-A\.pem: good[\s\S]*OCSP-B\.pem: revoked/);
    // An unspecified reason is left out, as on the CRL.
    expect(text).not.toContain('Reason:');
  });

  it('answers unknown for a CertID hashed with an algorithm it does not match (MD5), and the others as usual', async () => {
    const [sha1, md5] = [await hierarchy.issue('OCSP-SHA1'), await hierarchy.issue('OCSP-MD5')];
    source.issued.add(sha1.serialNumber).add(md5.serialNumber);
    const certs = ['-cert', 'OCSP-SHA1.pem', '-md5', '-cert', 'OCSP-MD5.pem'];
    openssl.run(['ocsp', '-issuer', 'sub.pem', ...certs, '-reqout', 'md5.der']);
    openssl.write('md5-resp.der', (await responder.answer(readFileSync(openssl.file('md5.der')))).response);
    const text = openssl.run(['ocsp', '-respin', 'md5-resp.der', '-issuer', 'sub.pem', ...certs, '-CAfile', 'root.pem', '-no_nonce']);
    expect(text).toMatch(/OCSP-SHA1\.pem: good[\s\S]*OCSP-MD5\.pem: unknown/);
  });

  it('says unknown for a serial the CA never issued', async () => {
    await hierarchy.issue('OCSP-NEVER');
    expect(await ask('OCSP-NEVER')).toContain('OCSP-NEVER.pem: unknown');
  });

  it('signs with the issuing CA, so openssl refuses the answer against another root', async () => {
    const issued = await hierarchy.issue('OCSP-2');
    source.issued.add(issued.serialNumber);
    await ask('OCSP-2');
    const stranger = await issuingHierarchy(new OpensslCli(), spec);
    openssl.write('other-root.pem', toPem('CERTIFICATE', stranger.root.certificate));
    const refused = openssl.attempt(['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-CAfile', 'other-root.pem', '-verify_other', 'sub.pem']);
    expect(refused.output).toContain('Response Verify Failure');
  });

  it('answers a GET request (base64 of the DER in the path) like the POSTed one', async () => {
    const issued = await hierarchy.issue('OCSP-GET');
    source.issued.add(issued.serialNumber);
    openssl.run(['ocsp', '-issuer', 'sub.pem', '-cert', 'OCSP-GET.pem', '-reqout', 'get.der']);
    const path = encodeURIComponent(readFileSync(openssl.file('get.der')).toString('base64'));
    const answer = await responder.answer(ocspRequestOfGetPath(path));
    openssl.write('get-resp.der', answer.response);
    expect(openssl.run(['ocsp', '-reqin', 'get.der', '-respin', 'get-resp.der', '-CAfile', 'root.pem', '-verify_other', 'sub.pem', '-resp_text'])).toContain('Cert Status: good');
    expect(openssl.run(['ocsp', '-respin', 'get-resp.der', '-issuer', 'sub.pem', '-cert', 'OCSP-GET.pem', '-CAfile', 'root.pem', '-no_nonce'])).toContain('OCSP-GET.pem: good');
  });

  it('answers a request for another CA unauthorized, and garbage malformedRequest', async () => {
    const stranger = new OpensslCli();
    const other = await issuingHierarchy(stranger, spec);
    await other.issue('ELSEWHERE');
    stranger.run(['ocsp', '-issuer', 'sub.pem', '-cert', 'ELSEWHERE.pem', '-reqout', 'req.der']);
    const unauthorized = await responder.answer(readFileSync(stranger.file('req.der')));
    expect(unauthorized.outcome).toBe('unauthorized');
    stranger.write('unauthorized.der', unauthorized.response);
    expect(stranger.attempt(['ocsp', '-respin', 'unauthorized.der', '-resp_text', '-noverify']).output).toContain('Responder Error: unauthorized (6)');
    for (const garbage of [Buffer.alloc(0), Buffer.from('not DER'), Buffer.from([0x30, 0x03, 0x30, 0x01, 0x30]), Buffer.from([0x30, 0x02, 0x30, 0x00])]) {
      const answer = await responder.answer(garbage);
      expect(answer.outcome).toBe('malformedRequest');
      stranger.write('malformed.der', answer.response);
      expect(stranger.attempt(['ocsp', '-respin', 'malformed.der', '-resp_text', '-noverify']).output).toContain('Responder Error: malformedrequest (1)');
    }
  });
});
