import { expiringEntriesOf, expiryWeeks, horizonCounts, weekStartOf } from './expiry';
import type { InstalledCertificate, IssuedCertificate } from './types';

const issued = (serialNumber: string, notAfter: string): IssuedCertificate => ({
  serialNumber,
  issuerCaId: 'ca',
  stationId: `CP-${serialNumber}`,
  certificateType: 'ChargingStationCertificate',
  subject: `CN=CP-${serialNumber}`,
  notBefore: '2026-01-01T00:00:00Z',
  notAfter,
  csrFingerprint: 'f',
  hashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber },
  issuedAt: '2026-01-01T00:00:00Z',
  revocation: null,
});
const installed = (stationId: string, notAfter?: string): InstalledCertificate => ({
  stationId,
  certificateType: 'CSMSRootCertificate',
  hashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: '1' },
  notAfter,
  reportedAt: '2026-01-01T00:00:00Z',
});

describe('expiry calendar', () => {
  // Sunday 6 December 2026, noon UTC.
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('starts weeks on Monday, UTC', () => {
    expect(weekStartOf(Date.parse('2026-12-06T23:59:00Z'))).toBe('2026-11-30');
    expect(weekStartOf(Date.parse('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
    expect(weekStartOf(Date.parse('2027-01-01T10:00:00Z'))).toBe('2026-12-28');
  });

  it('groups what expires within the horizon by week with counts per kind, leaving out the expired and the unknown', () => {
    const entries = expiringEntriesOf(
      [issued('1', '2026-12-08T00:00:00Z'), issued('2', '2026-12-10T00:00:00Z'), issued('3', '2026-12-01T00:00:00Z'), issued('4', '2027-02-20T00:00:00Z')],
      [installed('CP-9', '2026-12-13T23:00:00Z'), installed('CP-8'), installed('CP-7', '2026-12-20T00:00:00Z')],
    );
    expect(entries).toHaveLength(6);
    const weeks = expiryWeeks(entries, 30, now);
    expect(weeks.map(({ weekStart, issued: i, installed: n }) => [weekStart, i, n])).toEqual([
      ['2026-12-07', 2, 1],
      ['2026-12-14', 0, 1],
    ]);
    expect(weeks[0].entries.map((entry) => entry.stationId)).toEqual(['CP-1', 'CP-2', 'CP-9']);
    expect(horizonCounts(entries, now)).toEqual({ 30: 4, 60: 4, 90: 5 });
  });
});
