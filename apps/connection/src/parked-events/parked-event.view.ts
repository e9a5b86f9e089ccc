import { Headers } from '@app/messaging';
import type { ParkedEventRow } from './parked-event.repository';
import type { ParkedEventView } from './parked-events.schemas';

/** A row as the API shows it: where it came from and why it stopped, never its payload. */
export function parkedEventViewOf(row: ParkedEventRow): ParkedEventView {
  return {
    id: row.id,
    group: row.consumer_group,
    originalTopic: row.original_topic,
    originalPartition: row.original_partition,
    originalOffset: row.original_offset,
    key: row.record_key,
    body: row.headers[Headers.body] ?? null,
    correlationId: row.headers[Headers.correlationId] ?? null,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    attempts: row.attempts,
    parkedAt: new Date(row.parked_at).toISOString(),
    replayCount: row.replay_count,
    lastReplayedAt: row.last_replayed_at === null ? null : new Date(row.last_replayed_at).toISOString(),
  };
}
