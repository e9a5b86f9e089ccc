import { createPublicKey } from 'node:crypto';
import { OpensslCli } from '../testing/openssl-cli';
import { pemBlocks, toPem } from '../x509/pem';
import { type CsrDecision, type CsrExpectations, MAX_CSR_CHARACTERS, decideCsr } from './csr-policy';
import { CsrRefusalCode } from './csr-refusal';

const expected: CsrExpectations = { stationSerialNumber: 'SN-000123', organization: 'Example Charging Ltd' };
const subject = '/CN=SN-000123/O=Example Charging Ltd';

const refusalOf = (decision: CsrDecision) => (decision.outcome === 'refused' ? decision.refusal : undefined);

describe('decideCsr', () => {
  const openssl = new OpensslCli();
  let rsa2048: string;
  let p256: string;

  beforeAll(() => {
    rsa2048 = openssl.newKey('rsa2048.key', 'rsa:2048');
    p256 = openssl.newKey('p256.key', 'ec:P-256');
  });

  it.each([
    ['RSA 2048', 'rsa:2048', { type: 'rsa', bits: 2048 }],
    ['EC P-256', 'ec:P-256', { type: 'ec', curve: 'P-256' }],
    ['EC P-384', 'ec:P-384', { type: 'ec', curve: 'P-384' }],
  ])('accepts an openssl %s CSR with the station serial as CN and the operator as O', (_label, spec, key) => {
    const keyFile = openssl.newKey(`${spec.replace(':', '-')}.key`, spec);
    const pem = openssl.csr(keyFile, subject);
    const decision = decideCsr(pem, expected);
    expect(decision).toEqual({
      outcome: 'accepted',
      csr: expect.objectContaining({ commonName: 'SN-000123', organization: 'Example Charging Ltd', publicKey: key, ignoredExtensions: [] }),
    });
    const accepted = decision.outcome === 'accepted' ? decision.csr : undefined;
    const spkiByOpenssl = openssl.run(['pkey', '-in', keyFile, '-pubout']);
    expect(accepted?.subjectPublicKeyInfo).toEqual(createPublicKey(spkiByOpenssl).export({ type: 'spki', format: 'der' }));
  });

  it('gives the same fingerprint for the same CSR sent twice and another for a new CSR', () => {
    const first = openssl.csr(p256, subject);
    const second = openssl.csr(p256, subject, ['-addext', 'subjectAltName=DNS:station.example']);
    const fingerprint = (pem: string) => (decideCsr(pem, expected) as { csr: { fingerprint: string } }).csr.fingerprint;
    expect(fingerprint(first)).toBe(fingerprint(first));
    expect(fingerprint(second)).not.toBe(fingerprint(first));
  });

  it('ignores requested extensions but records them', () => {
    const pem = openssl.csr(p256, subject, ['-addext', 'subjectAltName=DNS:station.example', '-addext', 'extendedKeyUsage=serverAuth']);
    const decision = decideCsr(pem, expected);
    expect(decision.outcome === 'accepted' && decision.csr.ignoredExtensions).toEqual(['2.5.29.17', '2.5.29.37']);
  });

  it('refuses a CSR that requests cA=true', () => {
    const pem = openssl.csr(p256, subject, ['-addext', 'basicConstraints=critical,CA:TRUE']);
    expect(refusalOf(decideCsr(pem, expected))).toEqual({ code: CsrRefusalCode.caRequested, message: expect.stringContaining('cA=true') });
  });

  it('accepts a CSR that requests cA=false (asking not to be a CA is harmless)', () => {
    const pem = openssl.csr(p256, subject, ['-addext', 'basicConstraints=CA:FALSE']);
    expect(decideCsr(pem, expected).outcome).toBe('accepted');
  });

  it('refuses a CSR whose CN is not the station serial', () => {
    const pem = openssl.csr(p256, '/CN=CS-042/O=Example Charging Ltd');
    expect(refusalOf(decideCsr(pem, expected))).toEqual({
      code: CsrRefusalCode.wrongCommonName,
      message: 'subject CN "CS-042"; expected the station\'s serial number "SN-000123"',
    });
  });

  it('refuses a CSR with two CNs or none', () => {
    expect(refusalOf(decideCsr(openssl.csr(p256, '/CN=SN-000123/CN=other/O=Example Charging Ltd'), expected))?.code).toBe(CsrRefusalCode.wrongCommonName);
    expect(refusalOf(decideCsr(openssl.csr(p256, '/O=Example Charging Ltd'), expected))?.message).toContain('subject CN missing');
  });

  it('refuses a CSR whose O is not the operator organisation', () => {
    const pem = openssl.csr(p256, '/CN=SN-000123/O=Someone Else');
    expect(refusalOf(decideCsr(pem, expected))).toEqual({ code: CsrRefusalCode.wrongOrganization, message: 'subject O "Someone Else"; expected "Example Charging Ltd"' });
  });

  it('refuses a weak RSA 1024 key', () => {
    const pem = openssl.csr(openssl.newKey('rsa1024.key', 'rsa:1024'), subject);
    expect(refusalOf(decideCsr(pem, expected))).toEqual({ code: CsrRefusalCode.weakKey, message: 'RSA key of 1024 bits; at least 2048 are required' });
  });

  it('refuses keys of other types', () => {
    const pem = openssl.csr(openssl.newKey('ed25519.key', 'ED25519'), subject);
    expect(refusalOf(decideCsr(pem, expected))).toEqual({ code: CsrRefusalCode.unsupportedKey, message: 'ed25519 key; RSA or EC keys are accepted' });
  });

  it.each([
    ['RSA', () => rsa2048],
    ['ECDSA', () => p256],
  ])('refuses a %s CSR whose signature was tampered with', (_label, key) => {
    const pem = openssl.csr(key(), subject);
    const der = Buffer.from((pemBlocks(pem) ?? [])[0]?.der ?? []);
    der[der.length - 1] ^= 0x01;
    expect(refusalOf(decideCsr(toPem('CERTIFICATE REQUEST', der), expected))?.code).toBe(CsrRefusalCode.badSignature);
  });

  it('refuses a CSR whose subject was changed after signing', () => {
    const pem = openssl.csr(p256, '/CN=SN-000124/O=Example Charging Ltd');
    const der = Buffer.from((pemBlocks(pem) ?? [])[0]?.der ?? []);
    const at = der.indexOf(Buffer.from('SN-000124'));
    der.write('SN-000123', at, 'latin1');
    expect(refusalOf(decideCsr(toPem('CERTIFICATE REQUEST', der), expected))).toEqual({
      code: CsrRefusalCode.badSignature,
      message: "the ecdsa-with-SHA256 self-signature does not verify with the CSR's public key",
    });
  });

  it('refuses a CSR signed with SHA-1', () => {
    const pem = openssl.csr(rsa2048, subject, ['-sha1']);
    expect(refusalOf(decideCsr(pem, expected))?.code).toBe(CsrRefusalCode.unsupportedSignatureAlgorithm);
  });

  it('refuses a CSR over 5,500 characters before reading it', () => {
    const pem = openssl.csr(p256, subject, ['-addext', `subjectAltName=DNS:${'a'.repeat(60)}.example,${Array.from({ length: 70 }, (_, i) => `DNS:h${i}-${'b'.repeat(40)}.example`).join(',')}`]);
    expect(pem.length).toBeGreaterThan(MAX_CSR_CHARACTERS);
    expect(refusalOf(decideCsr(pem, expected))).toEqual({ code: CsrRefusalCode.tooLarge, message: `CSR of ${pem.length} characters; at most 5500 are accepted` });
  });

  it.each([
    ['empty text', ''],
    ['garbage', 'hello'],
    ['a certificate instead of a CSR', '-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n'],
    ['bad base64', '-----BEGIN CERTIFICATE REQUEST-----\nMA*MCAQA=\n-----END CERTIFICATE REQUEST-----\n'],
    ['DER that is no PKCS#10', '-----BEGIN CERTIFICATE REQUEST-----\nMAMCAQA=\n-----END CERTIFICATE REQUEST-----\n'],
  ])('refuses %s as unparsable', (_label, pem) => {
    expect(refusalOf(decideCsr(pem, expected))?.code).toBe(CsrRefusalCode.unparsable);
  });

  it('refuses two CSRs in one field', () => {
    const pem = openssl.csr(p256, subject);
    expect(refusalOf(decideCsr(`${pem}${pem}`, expected))?.code).toBe(CsrRefusalCode.unparsable);
  });
});
