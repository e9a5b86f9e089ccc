import type { Logger } from 'pino';
import { IntervalLog } from './interval-log';

function fakeLogger() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const write = (level: string) => (fields: Record<string, unknown>, message: string) => lines.push({ level, fields, message });
  return { lines, logger: { warn: write('warn'), error: write('error'), info: write('info') } as unknown as Logger };
}

describe('IntervalLog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes one summary line per interval with the counts by key and the first occurrence as example', () => {
    const { lines, logger } = fakeLogger();
    const log = new IntervalLog(logger, { message: 'answers withheld', intervalMs: 10_000 });
    const first = new Error('timeout exceeded when trying to connect');
    log.record('BootNotification', { err: first, stationId: 'CP-1' });
    log.record('BootNotification', { err: new Error('later'), stationId: 'CP-2' });
    log.record('Heartbeat', { stationId: 'CP-3' });
    expect(lines).toEqual([]);

    jest.advanceTimersByTime(10_000);
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'answers withheld',
        fields: { total: 3, counts: { BootNotification: 2, Heartbeat: 1 }, intervalMs: 10_000, example: { key: 'BootNotification', stationId: 'CP-1' }, err: first },
      },
    ]);
  });

  it('starts each interval afresh and writes nothing for a quiet one', () => {
    const { lines, logger } = fakeLogger();
    const log = new IntervalLog(logger, { message: 'refused', intervalMs: 1000, level: 'error' });
    log.record('503');
    jest.advanceTimersByTime(1000);
    jest.advanceTimersByTime(5000);
    log.record('401', { stationId: 'CP-9' });
    jest.advanceTimersByTime(1000);
    expect(lines.map((line) => [line.level, line.fields.counts, line.fields.example])).toEqual([
      ['error', { 503: 1 }, { key: '503' }],
      ['error', { 401: 1 }, { key: '401', stationId: 'CP-9' }],
    ]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('flushes on demand, e.g. at shutdown', () => {
    const { lines, logger } = fakeLogger();
    const log = new IntervalLog(logger, { message: 'refused', intervalMs: 60_000 });
    log.record('a');
    log.flush();
    log.flush();
    expect(lines).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
