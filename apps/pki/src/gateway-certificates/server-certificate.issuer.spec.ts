import { X509Certificate } from 'node:crypto';
import { createRootCa, createSubCa } from '../authorities/ca-hierarchy';
import { FileCaSigner } from '../authorities/file-ca-signer';
import { OpensslCli } from '../testing/openssl-cli';
import { toPem } from '../x509/pem';
import { issueServerCertificate } from './server-certificate.issuer';
import { decideServerCsr } from './server-csr-policy';

const passphrase = 'test-only passphrase, not a secret';

describe('issueServerCertificate', () => {
  const openssl = new OpensslCli();

  it.each(['rsa:2048', 'ec:P-256'])('issues a %s server certificate TLS servers accept and stations cannot use as a client identity', async (spec) => {
    const tag = spec.replace(':', '');
    const pointers = { crlUrl: 'http://pki.example/crl', ocspUrl: 'http://pki.example/ocsp' };
    const root = await createRootCa(await FileCaSigner.create(openssl.file(`root-${tag}.key`), { type: 'ec', curve: 'P-256' }, passphrase), { subject: { commonName: 'Root' }, validityDays: 3650, pointers });
    const sub = await createSubCa(root, await FileCaSigner.create(openssl.file(`sub-${tag}.key`), { type: 'ec', curve: 'P-256' }, passphrase), { subject: { commonName: 'Station CA' }, validityDays: 1000, pointers });
    openssl.write('root.pem', toPem('CERTIFICATE', root.certificate));
    openssl.write('sub.pem', toPem('CERTIFICATE', sub.certificate));
    const csr = openssl.csr(openssl.newKey(`server-${tag}.key`, spec), '/CN=ignored');
    const decision = decideServerCsr(csr, ['csms.example.com', '127.0.0.1'], ['csms.example.com', '127.0.0.1']);
    if (decision.outcome !== 'accepted') throw new Error(decision.refusal.message);
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const issued = await issueServerCertificate(decision.csr, sub, { validityMs: 60_000, organization: 'Example', now });
    openssl.write('server.pem', issued.certificatePem);
    const verify = (purpose: string) => openssl.attempt(['verify', '-attime', String(now.getTime() / 1000), '-purpose', purpose, '-CAfile', 'root.pem', '-untrusted', 'sub.pem', 'server.pem']);
    expect(verify('sslserver')).toEqual({ status: 0, output: 'server.pem: OK\n' });
    expect(verify('sslclient').status).not.toBe(0);
    const certificate = new X509Certificate(issued.der);
    expect(certificate.checkHost('csms.example.com')).toBe('csms.example.com');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('other.example.com')).toBeUndefined();
    expect(certificate.subject).toBe('O=Example\nCN=csms.example.com');
    expect(new Date(certificate.validTo).getTime()).toBe(Math.floor((now.getTime() + 60_000) / 1000) * 1000);
    const text = openssl.run(['x509', '-noout', '-text'], issued.certificatePem);
    expect(text).toContain('CA:FALSE');
    expect(text).toMatch(spec.startsWith('rsa') ? /Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/ : /Key Usage: critical\n\s+Digital Signature\n/);
    expect(issued.chainPem).toBe(issued.certificatePem + toPem('CERTIFICATE', sub.certificate));
  });
});
