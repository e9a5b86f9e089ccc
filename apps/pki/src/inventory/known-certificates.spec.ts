import { X509Certificate } from 'node:crypto';
import { OpensslCli } from '../testing/openssl-cli';
import { fromPem } from '../x509/pem-certificate';
import { certificateHashData } from './certificate-hash-data';
import { KnownCertificates } from './known-certificates';

const CONFIG = '[req]\ndistinguished_name = dn\n[dn]\n[ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n';

describe('KnownCertificates', () => {
  const openssl = new OpensslCli();
  let root: string;
  let subCa: string;

  beforeAll(() => {
    openssl.write('ext.cnf', CONFIG);
    openssl.run(['req', '-x509', '-config', 'ext.cnf', '-extensions', 'ca', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-subj', '/O=Known/CN=Known Root', '-days', '10', '-out', 'root.pem']);
    openssl.run(['req', '-new', '-config', 'ext.cnf', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'sub.key', '-subj', '/CN=Known Sub', '-out', 'sub.csr']);
    openssl.run(['x509', '-req', '-in', 'sub.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '5', '-extfile', 'ext.cnf', '-extensions', 'ca', '-out', 'sub.pem']);
    root = openssl.read('root.pem');
    subCa = openssl.read('sub.pem');
  });

  const der = (pem: string) => fromPem(pem) as Buffer;

  it('names a reported certificate by its hash data in whatever algorithm the station used', () => {
    const known = new KnownCertificates([{ certificatePem: root, caId: 'ca-root' }]);
    for (const algorithm of ['SHA256', 'SHA384', 'SHA512'] as const) {
      expect(known.find(certificateHashData(der(root), der(root), algorithm))).toEqual({
        subject: 'O=Known, CN=Known Root',
        notAfter: new Date(new X509Certificate(root).validTo),
        caId: 'ca-root',
      });
    }
  });

  it('hashes a sub-CA with its issuer’s key, and matches upper-case hex with a leading zero', () => {
    const known = new KnownCertificates([{ certificatePem: root }, { certificatePem: subCa, issuerPem: root }]);
    const reported = certificateHashData(der(subCa), der(root));
    const shouted = { ...reported, issuerNameHash: reported.issuerNameHash.toUpperCase(), serialNumber: `0${reported.serialNumber.toUpperCase()}` };
    expect(known.find(shouted)?.subject).toBe('CN=Known Sub');
    expect(known.find({ ...reported, serialNumber: 'abc' })).toBeUndefined();
  });

  it('leaves out what is not one PEM certificate', () => {
    expect(new KnownCertificates([{ certificatePem: 'junk' }]).find(certificateHashData(der(root), der(root)))).toBeUndefined();
  });
});
