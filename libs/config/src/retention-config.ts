import { ConfigError } from './config.error';
import type { Env } from './env-schema';
import type { MessagingConfig, RetentionConfig } from './runtime-config';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Kafka deletes a whole log segment once its newest record is older than retention.ms, and a
 * segment rolls at the latest after the broker's log.roll.ms (7 days by default; the topic
 * catalogue does not lower it): a record can be redelivered up to this long after retention.ms.
 */
export const KAFKA_SEGMENT_ROLL_MS = 7 * DAY_MS;

/**
 * The fewest days the inbox (processed_event) may be kept: an event can come back from Kafka
 * until retention.ms plus one segment roll after it was produced, and it was applied after
 * that; an inbox row deleted sooner lets a redelivery apply it twice (ADR 044).
 */
export function minimumInboxRetentionDays(kafkaRetentionMs: number): number {
  return Math.ceil((kafkaRetentionMs + KAFKA_SEGMENT_ROLL_MS) / DAY_MS);
}

/** RETENTION_*: days per table class, run interval and batch size; refuses an inbox retention shorter than Kafka can redeliver. */
export function retentionConfig(env: Env, messaging: MessagingConfig): RetentionConfig {
  const processedEvents = env.RETENTION_PROCESSED_EVENTS_DAYS;
  if (messaging.kind === 'kafka' && processedEvents > 0) {
    const minimum = minimumInboxRetentionDays(messaging.retentionMs);
    if (processedEvents < minimum) {
      throw new ConfigError(
        'RETENTION_PROCESSED_EVENTS_DAYS',
        `must be at least ${minimum} (or 0 to keep the inbox for ever): Kafka can redeliver an event for KAFKA_RETENTION_MS (${messaging.retentionMs} ms) plus one 7-day log segment roll, and an event whose inbox row is gone would be applied twice`,
      );
    }
  }
  return {
    days: {
      processedEvents,
      meterSamples: env.RETENTION_METER_SAMPLES_DAYS,
      transactionEvents: env.RETENTION_TRANSACTION_EVENTS_DAYS,
      audit: env.RETENTION_AUDIT_DAYS,
      history: env.HISTORY_RETENTION_DAYS,
      drawHistory: env.RETENTION_DRAW_HISTORY_DAYS,
    },
    intervalMs: env.RETENTION_INTERVAL_SECONDS * 1000,
    batchRows: env.RETENTION_BATCH_ROWS,
  };
}
