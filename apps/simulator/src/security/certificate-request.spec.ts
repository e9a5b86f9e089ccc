import 'reflect-metadata';
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { createCertificateRequest } from './certificate-request';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

describe('createCertificateRequest', () => {
  it('writes a PKCS#10 request that verifies, with CN = serial number and O = organisation', async () => {
    const { csrPem, keyPem } = createCertificateRequest('SERIAL-42', 'Charge Co');
    const csr = new x509.Pkcs10CertificateRequest(csrPem);
    expect(csr.subject).toBe('O=Charge Co, CN=SERIAL-42');
    expect(await csr.verify()).toBe(true);
    expect(createPrivateKey(keyPem).asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
  });

  it('uses a fresh key every time', () => {
    expect(createCertificateRequest('A', 'O').keyPem).not.toBe(createCertificateRequest('A', 'O').keyPem);
  });
});
