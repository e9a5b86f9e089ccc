import { issuedStatusOf, revocationKey, revocationsByKey } from './issued';
import type { IssuedCertificate, Revocation } from './types';

const certificate = (serialNumber: string, notBefore: string, notAfter: string): IssuedCertificate => ({
  serialNumber,
  issuerCaId: 'ca-1',
  stationId: 'CP-1',
  certificateType: 'ChargingStationCertificate',
  subject: 'CN=CP-1',
  notBefore,
  notAfter,
  csrFingerprint: 'f',
  hashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber },
  issuedAt: notBefore,
});

describe('issued certificate status', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const revocation: Revocation = { caId: 'ca-1', serialNumber: 'ab12', reason: 'keyCompromise', revokedAt: '2026-05-01T00:00:00Z', revokedBy: 'officer', certificateNotAfter: '2027-01-01T00:00:00Z' };
  const revoked = revocationsByKey([revocation]);

  it('matches revocations by CA and serial, whatever the case and leading zeroes', () => {
    expect(revocationKey('ca-1', '00AB12')).toBe('ca-1/ab12');
    expect(revocationKey('ca-1', '0')).toBe('ca-1/0');
  });

  it('is revoked before expired, and valid only within its validity', () => {
    expect(issuedStatusOf(certificate('AB12', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), revoked, now)).toBe('revoked');
    expect(issuedStatusOf(certificate('ab12', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), revoked, now)).toBe('revoked');
    expect(issuedStatusOf(certificate('cd34', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), revoked, now)).toBe('expired');
    expect(issuedStatusOf(certificate('cd34', '2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z'), revoked, now)).toBe('notYetValid');
    expect(issuedStatusOf(certificate('cd34', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), revoked, now)).toBe('valid');
    expect(issuedStatusOf({ ...certificate('ab12', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), issuerCaId: 'ca-2' }, revoked, now)).toBe('valid');
  });
});
