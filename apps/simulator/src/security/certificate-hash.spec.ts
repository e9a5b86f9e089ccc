import 'reflect-metadata';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import { TestPki } from '@test/support/test-pki';
import { certificatesOf, hashDataOf } from './certificate-hash';

const sha256 = (data: Buffer | ArrayBuffer): string => createHash('sha256').update(Buffer.from(data as ArrayBuffer)).digest('hex');

/** The EC point of a P-256 key: the last 65 bytes of its SubjectPublicKeyInfo. */
const ecPoint = (certificate: X509Certificate): Buffer => certificate.publicKey.export({ type: 'spki', format: 'der' }).subarray(-65);

describe('hashDataOf', () => {
  let root: X509Certificate;
  let leaf: X509Certificate;

  beforeAll(async () => {
    const pki = await TestPki.create('Hash Root', 'ecdsa');
    root = new X509Certificate(readFileSync(pki.caFile));
    leaf = new X509Certificate((await pki.issueStation({ cn: 'SERIAL-1', o: 'CSMS Test' })).certPem);
  });

  it('hashes the issuer name and key of a self-signed root with its own', () => {
    const data = hashDataOf(root);
    expect(data).toEqual({
      hashAlgorithm: 'SHA256',
      issuerNameHash: sha256(new x509.X509Certificate(root.raw).issuerName.toArrayBuffer()),
      issuerKeyHash: sha256(ecPoint(root)),
      serialNumber: '1',
    });
  });

  it('hashes the key of the issuer found among the candidates', () => {
    const data = hashDataOf(leaf, [root]);
    expect(data.issuerKeyHash).toBe(sha256(ecPoint(root)));
    expect(data.issuerNameHash).toBe(hashDataOf(root).issuerNameHash);
    expect(data.serialNumber).toBe('1001');
  });

  it('stands in the issuer name hash when the issuer is unknown', () => {
    const data = hashDataOf(leaf);
    expect(data.issuerKeyHash).toBe(data.issuerNameHash);
  });
});

describe('certificatesOf', () => {
  it('reads every certificate of a bundle and nothing of garbage', async () => {
    const pki = await TestPki.create();
    const leaf = await pki.issueStation({ cn: 'S', o: 'O' });
    expect(certificatesOf(`${leaf.certPem}\n${readFileSync(pki.caFile, 'utf8')}`)).toHaveLength(2);
    expect(certificatesOf('-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----')).toEqual([]);
    expect(certificatesOf('')).toEqual([]);
  });
});
