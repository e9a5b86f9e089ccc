import { Headers, type MessageBus, type OutboundRecord, type TopicName, Topics } from '@app/messaging';
import type { ParkedEventFilter, ParkedEventRepository, ParkedEventRow } from './parked-event.repository';
import { ParkedEventsError } from './parked-events.error';
import { REPLAY_BATCH, ParkedEventsService } from './parked-events.service';

/** The repository's contract over an array, oldest (lowest id) first. */
class FakeParkedEvents implements Pick<ParkedEventRepository, 'list' | 'find' | 'notReplayed' | 'markReplayed'> {
  readonly rows: ParkedEventRow[] = [];

  add(group: string, overrides: Partial<ParkedEventRow> = {}): ParkedEventRow {
    const id = String(this.rows.length + 1);
    const row: ParkedEventRow = {
      id,
      parking_partition: 0,
      parking_offset: String(Number(id) + 40),
      consumer_group: group,
      original_topic: Topics.events,
      original_partition: 2,
      original_offset: String(100 + Number(id)),
      record_key: 'CP-1',
      headers: { [Headers.body]: 'securityEvent', [Headers.correlationId]: `corr-${id}` },
      payload: Buffer.from([Number(id)]),
      error_class: 'QueryFailedError',
      error_message: 'refused',
      attempts: 5,
      parked_at: new Date('2026-12-06T10:00:00Z'),
      replay_count: 0,
      last_replayed_at: null,
      ...overrides,
    };
    this.rows.push(row);
    return row;
  }

  async list(filter: ParkedEventFilter): Promise<ParkedEventRow[]> {
    return this.rows.filter((row) => (filter.group === undefined || row.consumer_group === filter.group) && (filter.after === undefined || Number(row.id) > Number(filter.after))).slice(0, filter.limit);
  }

  async find(id: string): Promise<ParkedEventRow | undefined> {
    return this.rows.find((row) => row.id === id);
  }

  async notReplayed(group: string, limit: number): Promise<ParkedEventRow[]> {
    return this.rows.filter((row) => row.consumer_group === group && row.replay_count === 0).slice(0, limit);
  }

  async markReplayed(id: string, at: Date): Promise<ParkedEventRow | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row) Object.assign(row, { replay_count: row.replay_count + 1, last_replayed_at: at });
    return row;
  }
}

class RecordingBus implements Pick<MessageBus, 'publish'> {
  readonly published: { topic: TopicName; record: OutboundRecord }[] = [];
  failing = false;

  async publish(topic: TopicName, records: OutboundRecord[]): Promise<void> {
    if (this.failing) throw new Error('broker unreachable');
    for (const record of records) this.published.push({ topic, record });
  }
}

describe('ParkedEventsService', () => {
  let parked: FakeParkedEvents;
  let bus: RecordingBus;
  let service: ParkedEventsService;
  const now = new Date('2026-12-06T11:00:00Z');

  beforeEach(() => {
    parked = new FakeParkedEvents();
    bus = new RecordingBus();
    service = new ParkedEventsService(parked as unknown as ParkedEventRepository, bus as unknown as MessageBus);
  });

  it('lists parked events oldest first, a page at a time, filtered by group, without their payload', async () => {
    for (const group of ['pki.station-events', 'smart-charging.station-events', 'pki.station-events']) parked.add(group);
    const first = await service.list({ group: 'pki.station-events', limit: 1 });
    expect(first.items).toEqual([
      {
        id: '1',
        group: 'pki.station-events',
        originalTopic: Topics.events,
        originalPartition: 2,
        originalOffset: '101',
        key: 'CP-1',
        body: 'securityEvent',
        correlationId: 'corr-1',
        errorClass: 'QueryFailedError',
        errorMessage: 'refused',
        attempts: 5,
        parkedAt: '2026-12-06T10:00:00.000Z',
        replayCount: 0,
        lastReplayedAt: null,
      },
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await service.list({ group: 'pki.station-events', limit: 1, cursor: ['1'] });
    expect(second.items.map((item) => item.id)).toEqual(['3']);
    expect(second.nextCursor).toBeNull();
  });

  it('replays one event to its original topic and partition, for its group only, and counts the replay', async () => {
    parked.add('pki.station-events');
    const replayed = await service.replayOne('1', now);
    expect(bus.published).toEqual([
      {
        topic: Topics.events,
        record: {
          key: 'CP-1',
          value: Buffer.from([1]),
          partition: 2,
          headers: expect.objectContaining({ [Headers.replayForGroup]: 'pki.station-events', [Headers.replayOf]: '0/41', [Headers.correlationId]: 'corr-1' }),
        },
      },
    ]);
    expect(replayed).toMatchObject({ id: '1', replayCount: 1, lastReplayedAt: '2026-12-06T11:00:00.000Z' });
    expect((await service.replayOne('1', now)).replayCount).toBe(2);
  });

  it('replays the events of a group that were never replayed, oldest first', async () => {
    parked.add('pki.station-events', { replay_count: 1 });
    parked.add('smart-charging.station-events');
    parked.add('pki.station-events');
    parked.add('pki.station-events');
    const report = await service.replayGroup('pki.station-events', now);
    expect(report.replayed.map((item) => item.id)).toEqual(['3', '4']);
    expect(report.more).toBe(false);
    expect(bus.published.map(({ record }) => record.headers[Headers.replayOf])).toEqual(['0/43', '0/44']);
    expect((await service.replayGroup('pki.station-events', now)).replayed).toEqual([]);
  });

  it('replays a large group in batches and says when more wait', async () => {
    for (let n = 0; n <= REPLAY_BATCH; n++) parked.add('pki.station-events');
    expect((await service.replayGroup('pki.station-events', now)).more).toBe(true);
    const rest = await service.replayGroup('pki.station-events', now);
    expect(rest).toMatchObject({ more: false, replayed: [expect.objectContaining({ id: String(REPLAY_BATCH + 1) })] });
  });

  it('answers not-found for an unknown id and publishes nothing', async () => {
    await expect(service.replayOne('9', now)).rejects.toMatchObject({ code: 'parked-event-not-found' });
    expect(bus.published).toEqual([]);
  });

  it('leaves an event unmarked when its replay cannot be published', async () => {
    parked.add('pki.station-events');
    bus.failing = true;
    await expect(service.replayOne('1', now)).rejects.toBeInstanceOf(ParkedEventsError);
    expect(parked.rows[0]?.replay_count).toBe(0);
  });
});

