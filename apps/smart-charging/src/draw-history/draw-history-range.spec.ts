import { drawHistoryRange } from './draw-history-range';

const NOW = Date.parse('2030-01-10T12:00:00Z');
const HOUR = 3_600_000;

describe('drawHistoryRange', () => {
  it('defaults to the last 3 hours and 720 points', () => {
    expect(drawHistoryRange({}, NOW)).toEqual({ ok: true, range: { from: NOW - 3 * HOUR, to: NOW, maxPoints: 720 } });
  });

  it('counts 3 hours back from a given `to`, and up to now from a given `from`', () => {
    expect(drawHistoryRange({ to: new Date(NOW - HOUR) }, NOW)).toEqual({ ok: true, range: { from: NOW - 4 * HOUR, to: NOW - HOUR, maxPoints: 720 } });
    expect(drawHistoryRange({ from: new Date(NOW - HOUR), maxPoints: 10 }, NOW)).toEqual({ ok: true, range: { from: NOW - HOUR, to: NOW, maxPoints: 10 } });
  });

  it('refuses `from` after `to`, and a range over 31 days', () => {
    expect(drawHistoryRange({ from: new Date(NOW), to: new Date(NOW - 1) }, NOW)).toEqual({ ok: false, detail: expect.stringContaining('is after to') });
    expect(drawHistoryRange({ from: new Date(NOW - 31 * 24 * HOUR - 1), to: new Date(NOW) }, NOW)).toEqual({ ok: false, detail: expect.stringContaining('more than 31 days') });
    expect(drawHistoryRange({ from: new Date(NOW - 31 * 24 * HOUR), to: new Date(NOW) }, NOW).ok).toBe(true);
  });
});
