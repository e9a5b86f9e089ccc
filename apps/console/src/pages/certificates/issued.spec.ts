import { REVOCATION_FILTERS, issuedStatusOf } from './issued';
import type { IssuedCertificate } from './types';

const certificate = (serialNumber: string, notBefore: string, notAfter: string, revocation: IssuedCertificate['revocation'] = null): IssuedCertificate => ({
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
  revocation,
});

describe('issued certificate status', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const revocation = { revokedAt: '2026-05-01T00:00:00Z', reason: 'keyCompromise' } as const;

  it('is revoked whenever the PKI says so, before expired, and valid only within its validity', () => {
    expect(issuedStatusOf(certificate('ab12', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', revocation), now)).toBe('revoked');
    expect(issuedStatusOf(certificate('ab12', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', revocation), now)).toBe('revoked');
    expect(issuedStatusOf(certificate('cd34', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), now)).toBe('expired');
    expect(issuedStatusOf(certificate('cd34', '2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z'), now)).toBe('notYetValid');
    expect(issuedStatusOf(certificate('cd34', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), now)).toBe('valid');
  });

  it('filters by the API\'s revoked=true|false, blank for both', () => {
    expect(REVOCATION_FILTERS.map((filter) => [filter.value, filter.label])).toEqual([
      ['', 'Revoked or not'],
      ['true', 'Revoked'],
      ['false', 'Not revoked'],
    ]);
  });
});
