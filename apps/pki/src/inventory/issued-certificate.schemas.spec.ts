import { issuedCertificateSchema, issuedCertificateViewOf, listIssuedCertificatesQuery } from './issued-certificate.schemas';
import type { InventoriedCertificate } from './issued-certificate.repository';

const certificate: InventoriedCertificate = {
  serialNumber: 'ab12',
  issuerCaId: 'ca-1',
  stationId: 'CP-1',
  certificateType: 'ChargingStationCertificate',
  subject: 'O=Example, CN=CP-1',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2027-01-01T00:00:00Z'),
  csrFingerprint: 'f',
  certificatePem: 'pem',
  chainPem: 'chain',
  hashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'ab12' },
  issuedAt: new Date('2026-01-01T00:00:00Z'),
  revocation: null,
};

describe('issued certificate views', () => {
  it('carries the revocation when there is one, null while the certificate is not revoked', () => {
    expect(issuedCertificateViewOf(certificate).revocation).toBeNull();
    const revoked = issuedCertificateViewOf({ ...certificate, revocation: { revokedAt: new Date('2026-05-01T10:00:00Z'), reason: 'keyCompromise' } });
    expect(revoked.revocation).toEqual({ revokedAt: '2026-05-01T10:00:00.000Z', reason: 'keyCompromise' });
    expect(issuedCertificateSchema.parse(revoked)).toEqual(revoked);
  });

  it('filters revoked=true|false and refuses anything else', () => {
    expect(listIssuedCertificatesQuery.parse({ revoked: 'true' }).revoked).toBe(true);
    expect(listIssuedCertificatesQuery.parse({ revoked: 'false' }).revoked).toBe(false);
    expect(listIssuedCertificatesQuery.parse({}).revoked).toBeUndefined();
    expect(listIssuedCertificatesQuery.safeParse({ revoked: 'yes' }).success).toBe(false);
  });
});
