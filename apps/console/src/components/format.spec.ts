import { formatDateTime, formatNumber, formatPhases, formatQuantity, formatRelative } from './format';

describe('formatting', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('says how long ago, in the largest whole unit', () => {
    expect(formatRelative('2026-12-06T11:59:48Z', now)).toBe('12 s ago');
    expect(formatRelative('2026-12-06T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelative('2026-12-06T09:00:00Z', now)).toBe('3 h ago');
    expect(formatRelative('2026-12-04T12:00:00Z', now)).toBe('2 d ago');
    expect(formatRelative('2026-12-10T12:00:00Z', now)).toBe('in 4 d');
    expect(formatRelative(null, now)).toBe('never');
  });

  it('writes quantities with their unit and a dash for unknown', () => {
    expect(formatQuantity(7.4321, 'kW')).toBe('7.4 kW');
    expect(formatQuantity(16, 'A', 0)).toBe('16 A');
    expect(formatQuantity(12345.6, 'Wh', 0)).toBe('12,346 Wh');
    expect(formatQuantity(null, 'A')).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('writes bare numbers and the three phases with the same rounding', () => {
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(formatNumber(16)).toBe('16');
    expect(formatPhases([16, 16.54, 0], 'A')).toBe('16 / 16.5 / 0 A');
    expect(formatPhases(null, 'A')).toBe('—');
  });
});
