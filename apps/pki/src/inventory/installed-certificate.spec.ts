import { reportedCertificatesOf } from './installed-certificate';

const hash = (serialNumber: string) => ({ hashAlgorithm: 'SHA256', issuerNameHash: 'aa', issuerKeyHash: 'bb', serialNumber });

describe('reportedCertificatesOf', () => {
  it('keeps every certificate with its type and hash data as reported, chain children under their leaf', () => {
    const result = {
      status: 'Accepted',
      certificates: [
        { type: 'CSMSRootCertificate', ...hash('0A1') },
        { type: 'V2GCertificateChain', ...hash('10'), children: [hash('11'), hash('12')] },
      ],
    };
    expect(reportedCertificatesOf(result)).toEqual([
      { certificateType: 'CSMSRootCertificate', hashData: hash('0A1') },
      { certificateType: 'V2GCertificateChain', hashData: hash('10') },
      { certificateType: 'V2GCertificateChain', hashData: hash('11'), parentSerialNumber: '10' },
      { certificateType: 'V2GCertificateChain', hashData: hash('12'), parentSerialNumber: '10' },
    ]);
  });

  it('leaves out entries without complete hash data or with an unknown hash algorithm', () => {
    const result = { certificates: [{ type: 'CSMSRootCertificate', ...hash('') }, { type: 'CSMSRootCertificate', ...hash('1'), hashAlgorithm: 'MD5' }, { ...hash('2') }, 'junk'] };
    expect(reportedCertificatesOf(result)).toEqual([]);
  });

  it('reads an answer without certificates (NotFound) as an empty inventory', () => {
    expect(reportedCertificatesOf({ status: 'Accepted', certificates: [] })).toEqual([]);
    expect(reportedCertificatesOf(undefined)).toEqual([]);
  });
});
