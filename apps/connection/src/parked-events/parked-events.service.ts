import { MESSAGE_BUS, type MessageBus, type ParkedEvent, type TopicName, replayRecord } from '@app/messaging';
import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { ParkedEventRepository, type ParkedEventRow } from './parked-event.repository';
import { parkedEventViewOf } from './parked-event.view';
import { ParkedEventsError, ParkedEventsErrorCode } from './parked-events.error';
import type { ListParkedEventsQuery, ParkedEventView, ReplayReport } from './parked-events.schemas';

/** Events one call replays at most; the answer says when more wait. */
export const REPLAY_BATCH = 500;

/**
 * Lists what consumer groups parked and replays it: each record goes back to its original topic
 * and partition with a header that only its group handles (ADR 041). Handlers are idempotent by
 * event id, so replaying an event its group has meanwhile applied changes nothing.
 */
@Injectable()
export class ParkedEventsService {
  constructor(
    private readonly parked: ParkedEventRepository,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  async list(query: ListParkedEventsQuery): Promise<Page<ParkedEventView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.parked.list({ group: query.group, after: query.cursor?.[0], limit: limit + 1 });
    return pageOf(rows, limit, parkedEventViewOf, (row) => [row.id]);
  }

  /** Replays one parked event, whether or not it was replayed before. */
  async replayOne(id: string, now = new Date()): Promise<ParkedEventView> {
    const row = await this.parked.find(id);
    if (row === undefined) throw new ParkedEventsError(ParkedEventsErrorCode.notFound, `no parked event ${id}`);
    return this.replay(row, now);
  }

  /** Replays a group's parked events that were never replayed, oldest first, in order. */
  async replayGroup(group: string, now = new Date()): Promise<ReplayReport> {
    const rows = await this.parked.notReplayed(group, REPLAY_BATCH + 1);
    const replayed: ParkedEventView[] = [];
    for (const row of rows.slice(0, REPLAY_BATCH)) replayed.push(await this.replay(row, now));
    return { replayed, more: rows.length > REPLAY_BATCH };
  }

  private async replay(row: ParkedEventRow, now: Date): Promise<ParkedEventView> {
    const { topic, record } = replayRecord(parkedEventOf(row));
    try {
      await this.bus.publish(topic, [record]);
    } catch (error) {
      throw new ParkedEventsError(ParkedEventsErrorCode.replayNotPublished, `parked event ${row.id} could not be republished: ${(error as Error).message}`);
    }
    const marked = await this.parked.markReplayed(row.id, now);
    return parkedEventViewOf(marked ?? row);
  }
}

function parkedEventOf(row: ParkedEventRow): ParkedEvent {
  return {
    parkingId: `${row.parking_partition}/${row.parking_offset}`,
    groupId: row.consumer_group,
    originalTopic: row.original_topic as TopicName,
    originalPartition: row.original_partition,
    originalOffset: row.original_offset,
    key: row.record_key,
    headers: row.headers,
    value: row.payload,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    attempts: row.attempts,
    parkedAt: row.parked_at,
  };
}
