import { type CertificateExpiry, expiringEntriesOf, expiryWeeks, horizonCounts, listsAreShort, weekStartOf } from './expiry';

const expiry: CertificateExpiry = {
  days: 30,
  from: '2026-12-06T12:00:00.000Z',
  weeks: [
    { weekStart: '2026-12-07', issued: 2, installed: 1 },
    { weekStart: '2026-12-14', issued: 0, installed: 1 },
  ],
  totals: [
    { withinDays: 30, issued: 2, installed: 2 },
    { withinDays: 60, issued: 2, installed: 2 },
    { withinDays: 90, issued: 3, installed: 2 },
  ],
  soonest: {
    issued: [
      { stationId: 'CP-1', serialNumber: '1', certificateType: 'ChargingStationCertificate', subject: 'CN=CP-1', notAfter: '2026-12-08T00:00:00.000Z' },
      { stationId: 'CP-2', serialNumber: '2', certificateType: 'ChargingStationCertificate', subject: 'CN=CP-2', notAfter: '2026-12-10T00:00:00.000Z' },
    ],
    installed: [
      { stationId: 'CP-9', serialNumber: '9', certificateType: 'CSMSRootCertificate', notAfter: '2026-12-13T23:00:00.000Z' },
      { stationId: 'CP-7', serialNumber: '7', certificateType: 'CSMSRootCertificate', subject: 'CN=Root', notAfter: '2026-12-20T00:00:00.000Z' },
    ],
  },
};

describe('expiry calendar', () => {
  it('starts weeks on Monday, UTC', () => {
    expect(weekStartOf(Date.parse('2026-12-06T23:59:00Z'))).toBe('2026-11-30');
    expect(weekStartOf(Date.parse('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
    expect(weekStartOf(Date.parse('2027-01-01T10:00:00Z'))).toBe('2026-12-28');
  });

  it('names the listed certificates, soonest first', () => {
    expect(expiringEntriesOf(expiry.soonest).map(({ kind, what }) => [kind, what])).toEqual([
      ['issued', 'CN=CP-1 (serial 1)'],
      ['issued', 'CN=CP-2 (serial 2)'],
      ['installed', 'CSMSRootCertificate'],
      ['installed', 'CSMSRootCertificate: CN=Root'],
    ]);
  });

  it('keeps the PKI’s weekly counts and puts each listed certificate in its week', () => {
    const weeks = expiryWeeks(expiry);
    expect(weeks.map(({ weekStart, issued, installed }) => [weekStart, issued, installed])).toEqual([
      ['2026-12-07', 2, 1],
      ['2026-12-14', 0, 1],
    ]);
    expect(weeks[0].entries.map((entry) => entry.stationId)).toEqual(['CP-1', 'CP-2', 'CP-9']);
    expect(weeks[1].entries.map((entry) => entry.stationId)).toEqual(['CP-7']);
  });

  it('sums both kinds per horizon, and tells when the lists are shorter than the counts', () => {
    expect(horizonCounts(expiry)).toEqual({ 30: 4, 60: 4, 90: 5 });
    expect(listsAreShort(expiry)).toBe(false);
    expect(listsAreShort({ ...expiry, weeks: [{ weekStart: '2026-12-07', issued: 700, installed: 1 }] })).toBe(true);
  });
});
