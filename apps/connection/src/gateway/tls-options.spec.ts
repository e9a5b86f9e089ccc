import { crlsOfFile } from './tls-options';

const block = (body: string) => `-----BEGIN X509 CRL-----\n${body}\n-----END X509 CRL-----\n`;

describe('crlsOfFile', () => {
  it('splits a PEM file into one buffer per CRL (node adds only the first CRL of a buffer)', () => {
    const file = Buffer.from(`${block('QUJD')}${block('REVG')}`);
    expect(crlsOfFile(file).map((crl) => crl.toString())).toEqual([block('QUJD'), block('REVG')]);
  });

  it('passes a file without PEM CRLs (DER) as it is', () => {
    const der = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]);
    expect(crlsOfFile(der)).toEqual([der]);
  });
});
