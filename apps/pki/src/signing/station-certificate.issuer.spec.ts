import { createPublicKey } from 'node:crypto';
import { OpensslCli } from '../testing/openssl-cli';
import { createRootCa, createSubCa } from '../authorities/ca-hierarchy';
import type { CaKeySpec } from '../authorities/ca-key-spec';
import type { CertificateAuthority } from '../authorities/certificate-authority';
import { FileCaSigner } from '../authorities/file-ca-signer';
import { toPem } from '../x509/pem';
import { type AcceptedCsr, decideCsr } from './csr-policy';
import { issueStationCertificate } from './station-certificate.issuer';

const passphrase = 'test-only passphrase, not a secret';
const organization = 'Example Charging Ltd';
const pointers = (ca: string) => ({ crlUrl: `http://pki.example/crl/${ca}.crl`, ocspUrl: `http://pki.example/ocsp/${ca}` });

describe('issueStationCertificate', () => {
  const openssl = new OpensslCli();
  let counter = 0;

  async function hierarchy(rootSpec: CaKeySpec, subSpec: CaKeySpec): Promise<{ root: CertificateAuthority; sub: CertificateAuthority }> {
    counter += 1;
    const rootSigner = await FileCaSigner.create(openssl.file(`root-${counter}.key`), rootSpec, passphrase);
    const root = await createRootCa(rootSigner, { subject: { commonName: 'CSMS Root CA', organization, country: 'DE' }, validityDays: 3650, pointers: pointers('root') });
    const subSigner = await FileCaSigner.create(openssl.file(`sub-${counter}.key`), subSpec, passphrase);
    const sub = await createSubCa(root, subSigner, { subject: { commonName: 'CSMS Station CA', organization }, validityDays: 1825, pointers: pointers('stations') });
    openssl.write('root.pem', toPem('CERTIFICATE', root.certificate));
    openssl.write('sub.pem', toPem('CERTIFICATE', sub.certificate));
    return { root, sub };
  }

  function acceptedCsr(keySpec: string, extra: string[] = []): AcceptedCsr {
    const key = openssl.newKey(`station-${keySpec.replace(':', '')}.key`, keySpec);
    const decision = decideCsr(openssl.csr(key, `/CN=SN-0042/O=${organization}`, extra), { stationSerialNumber: 'SN-0042', organization });
    if (decision.outcome !== 'accepted') throw new Error(`test CSR refused: ${decision.refusal.message}`);
    return decision.csr;
  }

  const verifyChain = (leafFile: string) => openssl.attempt(['verify', '-purpose', 'sslclient', '-CAfile', 'root.pem', '-untrusted', 'sub.pem', leafFile]);

  describe.each<[string, CaKeySpec, CaKeySpec]>([
    ['EC P-384 root, EC P-256 sub-CA', { type: 'ec', curve: 'P-384' }, { type: 'ec', curve: 'P-256' }],
    ['RSA 2048 root and sub-CA', { type: 'rsa', bits: 2048 }, { type: 'rsa', bits: 2048 }],
  ])('under an %s', (_label, rootSpec, subSpec) => {
    it.each(['rsa:2048', 'ec:P-256', 'ec:P-384'])('signs a %s CSR into a chain openssl verify accepts', async (keySpec) => {
      const { sub } = await hierarchy(rootSpec, subSpec);
      const issued = await issueStationCertificate(acceptedCsr(keySpec), sub, { validityDays: 365 });
      openssl.write('station.pem', toPem('CERTIFICATE', issued.der));
      expect(verifyChain('station.pem')).toEqual({ status: 0, output: 'station.pem: OK\n' });
      // The chain OCPP sends: leaf first, then the issuing CA; it verifies as sent.
      openssl.write('chain.pem', issued.chainPem);
      expect(openssl.run(['verify', '-CAfile', 'root.pem', '-untrusted', 'chain.pem', 'chain.pem'])).toBe('chain.pem: OK\n');
    });
  });

  it('writes the station profile: subject from the CSR, no EKU, keyUsage by key type, revocation URLs, random 16-octet serial', async () => {
    const { sub } = await hierarchy({ type: 'ec', curve: 'P-256' }, { type: 'ec', curve: 'P-256' });
    const ec = await issueStationCertificate(acceptedCsr('ec:P-256', ['-addext', 'subjectAltName=DNS:evil.example', '-addext', 'extendedKeyUsage=serverAuth']), sub, { validityDays: 30 });
    const text = openssl.run(['x509', '-noout', '-text'], toPem('CERTIFICATE', ec.der));
    expect(text).toContain(`Subject: O = ${organization}, CN = SN-0042\n`);
    expect(text).toContain('CA:FALSE');
    expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Agreement\n/);
    expect(text).not.toContain('Extended Key Usage');
    expect(text).not.toContain('evil.example');
    expect(text).toContain('URI:http://pki.example/crl/stations.crl');
    expect(text).toContain('OCSP - URI:http://pki.example/ocsp/stations');
    expect(ec.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    const rsa = await issueStationCertificate(acceptedCsr('rsa:2048'), sub, { validityDays: 30 });
    expect(openssl.run(['x509', '-noout', '-text'], toPem('CERTIFICATE', rsa.der))).toMatch(/Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
    expect(rsa.serialNumber).not.toBe(ec.serialNumber);
    expect(createPublicKey(toPem('CERTIFICATE', rsa.der)).asymmetricKeyType).toBe('rsa');
  });

  it('makes the sub-CA a path-length-0 CA carrying the root’s revocation URLs', async () => {
    const { sub } = await hierarchy({ type: 'ec', curve: 'P-256' }, { type: 'ec', curve: 'P-256' });
    const text = openssl.run(['x509', '-noout', '-text'], toPem('CERTIFICATE', sub.certificate));
    expect(text).toMatch(/Basic Constraints: critical\n\s+CA:TRUE, pathlen:0\n/);
    expect(text).toMatch(/Key Usage: critical\n\s+Digital Signature, Certificate Sign, CRL Sign\n/);
    expect(text).toContain('URI:http://pki.example/crl/root.crl');
    expect(text).toContain('OCSP - URI:http://pki.example/ocsp/root');
  });

  it('backdates an hour and never lets a certificate outlive its issuer', async () => {
    const { sub } = await hierarchy({ type: 'ec', curve: 'P-256' }, { type: 'ec', curve: 'P-256' });
    const now = new Date('2030-01-01T00:00:00Z');
    const issued = await issueStationCertificate(acceptedCsr('ec:P-256'), sub, { validityDays: 10 * 365, now });
    expect(issued.notBefore).toEqual(new Date('2029-12-31T23:00:00Z'));
    expect(issued.notAfter).toEqual(sub.notAfter);
    await expect(issueStationCertificate(acceptedCsr('ec:P-256'), sub, { validityDays: 0 })).rejects.toMatchObject({ code: 'invalidValidity' });
  });
});
