import { X509Certificate } from 'node:crypto';
import { certificateHashData } from '@app/pki/inventory/certificate-hash-data';
import { OpensslCli } from '@app/pki/testing/openssl-cli';
import { fromPem } from '@app/pki/x509/pem-certificate';
import { RootCertificateRefusal, checkRootCertificate } from './root-certificate-check';

const CONFIG = `[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = critical,CA:FALSE
`;

describe('checkRootCertificate', () => {
  const openssl = new OpensslCli();
  let root: string;
  let leaf: string;
  let subCa: string;

  const selfSigned = (name: string, extensions: string) => {
    openssl.run(['req', '-x509', '-config', 'ext.cnf', '-extensions', extensions, '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-subj', `/CN=${name}`, '-days', '30', '-out', `${name}.pem`]);
    return openssl.read(`${name}.pem`);
  };

  beforeAll(() => {
    openssl.write('ext.cnf', CONFIG);
    root = selfSigned('Test Root', 'ca');
    leaf = selfSigned('Not A CA', 'leaf');
    openssl.run(['req', '-new', '-config', 'ext.cnf', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'sub.key', '-subj', '/CN=Sub CA', '-out', 'sub.csr']);
    openssl.run(['x509', '-req', '-in', 'sub.csr', '-CA', 'Test Root.pem', '-CAkey', 'Test Root.key', '-CAcreateserial', '-days', '30', '-extfile', 'ext.cnf', '-extensions', 'ca', '-out', 'sub.pem']);
    subCa = openssl.read('sub.pem');
  });

  it('accepts a self-signed CA valid now, with the hash data the inventory computes', () => {
    const checked = checkRootCertificate(root, new Date());
    if (!checked.ok) throw new Error(checked.message);
    const der = fromPem(root) as Buffer;
    expect(checked.hashData).toEqual(certificateHashData(der, der));
    expect(checked.subject).toBe('CN=Test Root');
    expect(checked.notAfter).toEqual(new Date(new X509Certificate(root).validTo));
  });

  it.each([
    ['text that is no certificate', () => 'hello', RootCertificateRefusal.unreadable],
    ['two certificates', () => `${root}${subCa}`, RootCertificateRefusal.unreadable],
    ['a certificate whose DER is broken', () => root.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA'), RootCertificateRefusal.unreadable],
    ['a certificate that is no CA', () => leaf, RootCertificateRefusal.notCa],
    ['a sub-CA', () => subCa, RootCertificateRefusal.notSelfSigned],
  ])('refuses %s', (_name, pem, code) => {
    expect(checkRootCertificate(pem(), new Date())).toMatchObject({ ok: false, code });
  });

  it('refuses a certificate that has expired or is not valid yet', () => {
    const validTo = new Date(new X509Certificate(root).validTo);
    const validFrom = new Date(new X509Certificate(root).validFrom);
    expect(checkRootCertificate(root, new Date(validTo.getTime() + 1000))).toMatchObject({ ok: false, code: RootCertificateRefusal.expired });
    expect(checkRootCertificate(root, validTo)).toMatchObject({ ok: false, code: RootCertificateRefusal.expired });
    expect(checkRootCertificate(root, new Date(validFrom.getTime() - 1000))).toMatchObject({ ok: false, code: RootCertificateRefusal.notYetValid });
    expect(checkRootCertificate(root, validFrom)).toMatchObject({ ok: true });
  });
});
