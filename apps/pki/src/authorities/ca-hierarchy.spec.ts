import { OpensslCli } from '../testing/openssl-cli';
import { toPem } from '../x509/pem';
import { createRootCa, createSubCa } from './ca-hierarchy';
import { CertificateAuthorityErrorCode, certificateAuthorityOf } from './certificate-authority';
import { FileCaSigner } from './file-ca-signer';

const passphrase = 'test-only passphrase, not a secret';

describe('CA hierarchy', () => {
  const openssl = new OpensslCli();
  const signer = (name: string) => FileCaSigner.create(openssl.file(`${name}.key`), { type: 'ec', curve: 'P-256' }, passphrase);

  it('creates a self-signed root that openssl accepts as a trust anchor for its sub-CA', async () => {
    const root = await createRootCa(await signer('root'), { subject: { commonName: 'Root', organization: 'Org' }, validityDays: 100, pointers: {} });
    const sub = await createSubCa(root, await signer('sub'), { subject: { commonName: 'Sub', organization: 'Org' }, validityDays: 50, pointers: {} });
    openssl.write('root.pem', toPem('CERTIFICATE', root.certificate));
    openssl.write('sub.pem', toPem('CERTIFICATE', sub.certificate));
    expect(openssl.run(['verify', '-CAfile', 'root.pem', 'root.pem'])).toBe('root.pem: OK\n');
    expect(openssl.run(['verify', '-CAfile', 'root.pem', 'sub.pem'])).toBe('sub.pem: OK\n');
    const other = await createRootCa(await signer('other'), { subject: { commonName: 'Root', organization: 'Org' }, validityDays: 100, pointers: {} });
    openssl.write('other.pem', toPem('CERTIFICATE', other.certificate));
    // Same name, different key: the chain must not verify (the signature, not the name, binds it).
    expect(openssl.attempt(['verify', '-CAfile', 'other.pem', 'sub.pem']).status).not.toBe(0);
  });

  it('does not let a sub-CA outlive its root', async () => {
    const root = await createRootCa(await signer('short-root'), { subject: { commonName: 'Root' }, validityDays: 10, pointers: {} });
    const sub = await createSubCa(root, await signer('long-sub'), { subject: { commonName: 'Sub' }, validityDays: 1000, pointers: {} });
    expect(sub.notAfter).toEqual(root.notAfter);
  });

  it('refuses a CA certificate paired with another key', async () => {
    const root = await createRootCa(await signer('paired'), { subject: { commonName: 'Root' }, validityDays: 10, pointers: {} });
    expect(() => certificateAuthorityOf(root.certificate, root.signer, {})).not.toThrow();
    const stranger = await signer('stranger');
    expect(() => certificateAuthorityOf(root.certificate, stranger, {})).toThrow(expect.objectContaining({ code: CertificateAuthorityErrorCode.keyMismatch }));
  });
});
