import { configErrorOf } from './config-error-of.testing';
import { loadConfig } from './load-config';
import { minimumInboxRetentionDays } from './retention-config';

const standalone = { services: ['connection' as const], defaultHttpPort: 3000, embedded: false };
const embedded = { services: ['connection' as const, 'smart-charging' as const, 'pki' as const], defaultHttpPort: 3000, embedded: true };
const DAY_MS = 24 * 60 * 60 * 1000;

describe('loadConfig: retention', () => {
  it('keeps each table class for its default days, history for HISTORY_RETENTION_DAYS, and runs hourly in batches of 5000', () => {
    expect(loadConfig(standalone, {}).retention).toEqual({
      days: { processedEvents: 30, meterSamples: 365, transactionEvents: 365, audit: 365, history: 90, drawHistory: 7 },
      intervalMs: 3_600_000,
      batchRows: 5000,
    });
  });

  it('reads every RETENTION_* variable, 0 meaning for ever', () => {
    const config = loadConfig(standalone, {
      RETENTION_PROCESSED_EVENTS_DAYS: '0',
      RETENTION_METER_SAMPLES_DAYS: '0',
      RETENTION_TRANSACTION_EVENTS_DAYS: '400',
      RETENTION_AUDIT_DAYS: '3650',
      HISTORY_RETENTION_DAYS: '7',
      RETENTION_DRAW_HISTORY_DAYS: '0',
      RETENTION_INTERVAL_SECONDS: '60',
      RETENTION_BATCH_ROWS: '100',
    }).retention;
    expect(config).toEqual({ days: { processedEvents: 0, meterSamples: 0, transactionEvents: 400, audit: 3650, history: 7, drawHistory: 0 }, intervalMs: 60_000, batchRows: 100 });
  });

  it('needs the inbox kept for Kafka retention plus one 7-day segment roll, rounded up to whole days', () => {
    expect(minimumInboxRetentionDays(7 * DAY_MS)).toBe(14);
    expect(minimumInboxRetentionDays(7 * DAY_MS + 1)).toBe(15);
    expect(minimumInboxRetentionDays(60_000)).toBe(8);
  });

  it('refuses an inbox retention shorter than Kafka can redeliver, naming the minimum', () => {
    const error = configErrorOf(() => loadConfig(standalone, { KAFKA_RETENTION_MS: String(7 * DAY_MS), RETENTION_PROCESSED_EVENTS_DAYS: '13' }));
    expect(error.variable).toBe('RETENTION_PROCESSED_EVENTS_DAYS');
    expect(error.message).toContain('must be at least 14 (or 0 to keep the inbox for ever)');
    expect(error.message).toContain(`KAFKA_RETENTION_MS (${7 * DAY_MS} ms)`);
    expect(loadConfig(standalone, { KAFKA_RETENTION_MS: String(7 * DAY_MS), RETENTION_PROCESSED_EVENTS_DAYS: '14' }).retention.days.processedEvents).toBe(14);
    // A longer Kafka retention raises the bar the default must clear.
    expect(configErrorOf(() => loadConfig(standalone, { KAFKA_RETENTION_MS: String(30 * DAY_MS) })).variable).toBe('RETENTION_PROCESSED_EVENTS_DAYS');
  });

  it('lets the in-process bus (nothing is redelivered) keep the inbox any number of days', () => {
    expect(loadConfig(embedded, { RETENTION_PROCESSED_EVENTS_DAYS: '1' }).retention.days.processedEvents).toBe(1);
  });

  it.each([
    ['RETENTION_PROCESSED_EVENTS_DAYS', '-1'],
    ['RETENTION_METER_SAMPLES_DAYS', 'off'],
    ['RETENTION_TRANSACTION_EVENTS_DAYS', '1.5'],
    ['RETENTION_AUDIT_DAYS', '36501'],
    ['RETENTION_DRAW_HISTORY_DAYS', '-1'],
    ['RETENTION_INTERVAL_SECONDS', '0'],
    ['RETENTION_BATCH_ROWS', '100001'],
  ])('names %s when its value %p is invalid', (variable, value) => {
    expect(configErrorOf(() => loadConfig(standalone, { [variable]: value })).variable).toBe(variable);
  });
});
