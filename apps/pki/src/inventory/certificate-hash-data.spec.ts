import { randomBytes } from 'node:crypto';
import { OpensslCli } from '../testing/openssl-cli';
import { pemBlocks } from '../x509/pem';
import {
  type CertificateHashData,
  CertificateHashDataErrorCode,
  type HashAlgorithm,
  certificateHashData,
  sameCertificate,
} from './certificate-hash-data';

const derOf = (pem: string): Buffer => (pemBlocks(pem) ?? [])[0]?.der ?? Buffer.alloc(0);

/** What `openssl ocsp` puts in a CertID for `cert` under `issuer`: the independent computation. */
function opensslCertId(openssl: OpensslCli, cert: string, issuer: string, algorithm: HashAlgorithm): CertificateHashData {
  const digest = `-${algorithm.toLowerCase()}`;
  openssl.run(['ocsp', digest, '-issuer', issuer, '-cert', cert, '-no_nonce', '-reqout', 'req.der']);
  const text = openssl.run(['ocsp', '-reqin', 'req.der', '-req_text']).replace(/\\\n/g, '');
  const field = (label: string) => new RegExp(`${label}: ([0-9A-F]+)`).exec(text)?.[1] ?? `no ${label}`;
  return {
    hashAlgorithm: algorithm,
    issuerNameHash: field('Issuer Name Hash').toLowerCase(),
    issuerKeyHash: field('Issuer Key Hash').toLowerCase(),
    // openssl pads the serial to whole octets; OCPP wants no leading zeroes.
    serialNumber: field('Serial Number').toLowerCase().replace(/^0+(?=.)/, ''),
  };
}

describe('certificateHashData', () => {
  const openssl = new OpensslCli();

  function selfSignedRoot(name: string, keySpec: string): string {
    const key = openssl.newKey(`${name}.key`, keySpec);
    openssl.run(['req', '-x509', '-new', '-key', key, '-subj', `/C=DE/O=Example Charging Ltd/CN=${name}`, '-days', '30', '-set_serial', '1', '-out', `${name}.pem`]);
    return openssl.file(`${name}.pem`);
  }

  function leafOf(root: string, serialHex: string): string {
    const key = openssl.newKey('leaf.key', 'ec:P-256');
    openssl.write('leaf.csr', openssl.csr(key, '/CN=SN-1/O=Example Charging Ltd'));
    openssl.run(['x509', '-req', '-in', 'leaf.csr', '-CA', root, '-CAkey', root.replace(/\.pem$/, '.key'), '-set_serial', `0x${serialHex}`, '-days', '10', '-out', `leaf-${serialHex}.pem`]);
    return openssl.file(`leaf-${serialHex}.pem`);
  }

  let ecRoot: string;
  let rsaRoot: string;

  beforeAll(() => {
    ecRoot = selfSignedRoot('ec-root', 'ec:P-256');
    rsaRoot = selfSignedRoot('rsa-root', 'rsa:2048');
  });

  const serials: Array<[string, string, string]> = [
    ['a one-octet serial', '01', '1'],
    ['a serial whose first nibble is zero', '0abc', 'abc'],
    ['a 16-octet serial with its top bit set (DER adds a 00 octet)', `80${randomBytes(15).toString('hex')}`, ''],
    ['a random 16-octet serial', `5${randomBytes(16).toString('hex').slice(1)}`, ''],
    ['a 20-octet serial', `7f${randomBytes(19).toString('hex')}`, ''],
    ['a 20-octet serial with its top bit set', `ff${randomBytes(19).toString('hex')}`, ''],
    ['a 20-octet serial with a leading zero nibble', `0f${randomBytes(19).toString('hex')}`, ''],
  ];

  it.each(serials)('matches openssl for %s', (_label, serialHex, expectedSerial) => {
    const leaf = leafOf(ecRoot, serialHex);
    const data = certificateHashData(derOf(openssl.read(leaf)), derOf(openssl.read(ecRoot)));
    expect(data).toEqual(opensslCertId(openssl, leaf, ecRoot, 'SHA256'));
    expect(data.serialNumber).toBe(expectedSerial || serialHex.replace(/^0+/, ''));
    expect(openssl.run(['x509', '-in', leaf, '-noout', '-serial']).trim().toLowerCase()).toBe(`serial=${serialHex.length % 2 ? `0${serialHex}` : serialHex}`);
  });

  it.each(['SHA256', 'SHA384', 'SHA512'] as const)('matches openssl with %s under an RSA issuer', (algorithm) => {
    const leaf = leafOf(rsaRoot, `4${randomBytes(17).toString('hex').slice(1)}`);
    const data = certificateHashData(derOf(openssl.read(leaf)), derOf(openssl.read(rsaRoot)), algorithm);
    expect(data).toEqual(opensslCertId(openssl, leaf, rsaRoot, algorithm));
    expect(data.issuerNameHash).toHaveLength({ SHA256: 64, SHA384: 96, SHA512: 128 }[algorithm]);
  });

  it('hashes a self-signed root with itself as issuer', () => {
    const root = derOf(openssl.read(ecRoot));
    expect(certificateHashData(root, root)).toEqual(opensslCertId(openssl, ecRoot, ecRoot, 'SHA256'));
  });

  it('refuses an issuer that did not issue the certificate', () => {
    const leaf = leafOf(ecRoot, '02');
    expect(() => certificateHashData(derOf(openssl.read(leaf)), derOf(openssl.read(rsaRoot)))).toThrow(
      expect.objectContaining({ code: CertificateHashDataErrorCode.issuerMismatch }),
    );
  });

  it('refuses bytes that are not a certificate', () => {
    const root = derOf(openssl.read(ecRoot));
    expect(() => certificateHashData(root.subarray(0, 40), root)).toThrow(expect.objectContaining({ code: CertificateHashDataErrorCode.malformedCertificate }));
    expect(() => certificateHashData(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]), root)).toThrow(
      expect.objectContaining({ code: CertificateHashDataErrorCode.malformedCertificate }),
    );
  });
});

describe('sameCertificate', () => {
  const data: CertificateHashData = { hashAlgorithm: 'SHA256', issuerNameHash: 'ab12', issuerKeyHash: 'cd34', serialNumber: 'abc' };

  it('matches regardless of hex case and a leading zero a station kept', () => {
    expect(sameCertificate(data, { ...data, issuerNameHash: 'AB12', issuerKeyHash: 'CD34', serialNumber: '0ABC' })).toBe(true);
  });

  it('tells apart a different serial, key hash or algorithm', () => {
    expect(sameCertificate(data, { ...data, serialNumber: 'abd' })).toBe(false);
    expect(sameCertificate(data, { ...data, issuerKeyHash: 'cd35' })).toBe(false);
    expect(sameCertificate(data, { ...data, hashAlgorithm: 'SHA384' })).toBe(false);
  });
});
