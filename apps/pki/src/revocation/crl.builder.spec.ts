import type { CaKeySpec } from '../authorities/ca-key-spec';
import { type IssuingHierarchy, issuingHierarchy } from '../testing/issuing-hierarchy';
import { OpensslCli } from '../testing/openssl-cli';
import { signCrl } from './crl.builder';

const HOUR = 3600 * 1000;

describe.each<[string, CaKeySpec, string]>([
  ['EC P-256', { type: 'ec', curve: 'P-256' }, 'ecdsa-with-SHA256'],
  ['RSA 2048', { type: 'rsa', bits: 2048 }, 'sha256WithRSAEncryption'],
])('a CRL signed by an %s CA', (_name, spec, algorithm) => {
  const openssl = new OpensslCli();
  let hierarchy: IssuingHierarchy;

  beforeAll(async () => {
    hierarchy = await issuingHierarchy(openssl, spec);
  });

  it('is accepted by openssl crl -verify and lists serials, dates, reasons, number and key identifier', async () => {
    const [first, second] = [await hierarchy.issue('CRL-1'), await hierarchy.issue('CRL-2')];
    const thisUpdate = new Date('2026-12-06T10:00:00Z');
    const der = await signCrl({
      authority: hierarchy.sub,
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + 24 * HOUR),
      crlNumber: 4242n,
      revoked: [
        { serialNumber: first.serialNumber, revokedAt: new Date('2026-12-06T09:00:00Z'), reason: 'keyCompromise' },
        { serialNumber: second.serialNumber, revokedAt: new Date('2026-12-06T09:30:00Z'), reason: 'unspecified' },
      ],
    });
    openssl.write('sub.crl', der);
    const text = openssl.run(['crl', '-inform', 'DER', '-in', 'sub.crl', '-CAfile', 'sub.pem', '-noout', '-text']);
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toContain(`Signature Algorithm: ${algorithm}`);
    expect(text).toContain('Issuer: O = Example Charging Ltd, CN = Test Stations CA');
    expect(text).toContain('Last Update: Dec  6 10:00:00 2026 GMT');
    expect(text).toContain('Next Update: Dec  7 10:00:00 2026 GMT');
    expect(text).toMatch(/X509v3 CRL Number: *\n *4242/);
    expect(text).toContain(hierarchy.sub.keyIdentifier.toString('hex').toUpperCase().match(/../g)?.join(':'));
    expect(text).toContain(`Serial Number: ${first.serialNumber.toUpperCase()}`);
    expect(text).toMatch(/Revocation Date: Dec  6 09:00:00 2026 GMT\s+CRL entry extensions:\s+X509v3 CRL Reason Code:\s+Key Compromise/);
    expect(text).toContain(`Serial Number: ${second.serialNumber.toUpperCase()}\n        Revocation Date: Dec  6 09:30:00 2026 GMT\n`);
    // openssl crl looks the CRL issuer up in the CAfile: the sub-CA, with the root it chains to.
    openssl.write('cas.pem', openssl.read('sub.pem') + openssl.read('root.pem'));
    // openssl 3.0's crl -verify exits 0 either way and tells the outcome on stderr.
    expect(openssl.diagnostics(['crl', '-inform', 'DER', '-in', 'sub.crl', '-CAfile', 'cas.pem', '-noout', '-verify'])).toEqual({ status: 0, stderr: 'verify OK\n' });
    const tampered = Buffer.from(der);
    tampered[tampered.length - 5] ^= 0x01;
    openssl.write('tampered.crl', tampered);
    expect(openssl.diagnostics(['crl', '-inform', 'DER', '-in', 'tampered.crl', '-CAfile', 'cas.pem', '-noout', '-verify']).stderr).toBe('verify failure\n');
    // Signed by the sub-CA's key, so the root alone (another key) cannot verify it.
    expect(openssl.diagnostics(['crl', '-inform', 'DER', '-in', 'sub.crl', '-CAfile', 'root.pem', '-noout', '-verify']).stderr).not.toContain('verify OK');
  });

  it('makes openssl verify -crl_check refuse a revoked certificate and accept the others', async () => {
    const revoked = await hierarchy.issue('CRL-R');
    await hierarchy.issue('CRL-K');
    const now = new Date();
    const crl = async (entries: { serialNumber: string }[]) =>
      signCrl({ authority: hierarchy.sub, thisUpdate: new Date(now.getTime() - HOUR), nextUpdate: new Date(now.getTime() + HOUR), crlNumber: 1n, revoked: entries.map((e) => ({ ...e, revokedAt: now, reason: 'superseded' as const })) });
    openssl.write('empty.crl', await crl([]));
    openssl.write('listed.crl', await crl([{ serialNumber: revoked.serialNumber }]));
    openssl.run(['crl', '-inform', 'DER', '-in', 'listed.crl', '-out', 'listed.crl.pem']);
    openssl.run(['crl', '-inform', 'DER', '-in', 'empty.crl', '-out', 'empty.crl.pem']);
    const verify = (leaf: string, crlFile: string) => openssl.attempt(['verify', '-crl_check', '-CAfile', 'root.pem', '-untrusted', 'sub.pem', '-CRLfile', crlFile, leaf]);
    expect(verify('CRL-R.pem', 'empty.crl.pem').status).toBe(0);
    expect(verify('CRL-R.pem', 'listed.crl.pem')).toEqual({ status: 2, output: expect.stringContaining('certificate revoked') });
    expect(verify('CRL-K.pem', 'listed.crl.pem').status).toBe(0);
  });
});
