import { Headers } from '../headers';
import type { InboundRecord } from '../message-bus';
import { Topics } from '../topics';
import { parkedRecord, readParkedRecord, replayRecord } from './parked-record';

const original: InboundRecord = {
  topic: Topics.events,
  partition: 2,
  offset: '41',
  key: 'CP-9',
  value: new Uint8Array([1, 2, 3]),
  headers: { [Headers.contentType]: 'application/x-protobuf; proto=csms.StationEvent', [Headers.correlationId]: 'corr-1' },
};
const parkedAt = new Date('2026-12-06T10:00:00.000Z');
const details = { groupId: 'pki.station-events', failure: { errorClass: 'QueryFailedError', message: 'rejected by trigger' }, attempts: 5, parkedAt };

describe('parked records', () => {
  it('keep the original key, value and headers and add where they came from and why they stopped', () => {
    const parked = parkedRecord(original, details);
    expect(parked.key).toBe('CP-9');
    expect(parked.value).toBe(original.value);
    expect(parked.headers).toEqual({
      ...original.headers,
      [Headers.originalTopic]: Topics.events,
      [Headers.originalPartition]: '2',
      [Headers.originalOffset]: '41',
      [Headers.consumerGroup]: 'pki.station-events',
      [Headers.parkedErrorClass]: 'QueryFailedError',
      [Headers.parkedError]: 'rejected by trigger',
      [Headers.parkedAttempts]: '5',
      [Headers.parkedAt]: '2026-12-06T10:00:00.000Z',
    });
  });

  it('read back as they were parked', () => {
    const { key, value, headers } = parkedRecord(original, details);
    const read = readParkedRecord({ topic: Topics.parked, partition: 0, offset: '7', key, value, headers });
    expect(read).toEqual({
      parkingId: '0/7',
      groupId: 'pki.station-events',
      originalTopic: Topics.events,
      originalPartition: 2,
      originalOffset: '41',
      key: 'CP-9',
      headers: original.headers,
      value: original.value,
      errorClass: 'QueryFailedError',
      errorMessage: 'rejected by trigger',
      attempts: 5,
      parkedAt,
    });
  });

  it('replay to the original topic and partition, for the parking group only', () => {
    const { key, value, headers } = parkedRecord(original, details);
    const read = readParkedRecord({ topic: Topics.parked, partition: 0, offset: '7', key, value, headers });
    if (!read) throw new Error('not read back');
    const replay = replayRecord(read);
    expect(replay.topic).toBe(Topics.events);
    expect(replay.record).toEqual({
      key: 'CP-9',
      value: original.value,
      partition: 2,
      headers: { ...original.headers, [Headers.replayForGroup]: 'pki.station-events', [Headers.replayOf]: '0/7' },
    });
  });

  it('park a replayed record again without its replay routing', () => {
    const replayed = { ...original, headers: { ...original.headers, [Headers.replayForGroup]: 'pki.station-events', [Headers.replayOf]: '0/7' } };
    expect(parkedRecord(replayed, details).headers[Headers.replayForGroup]).toBeUndefined();
  });

  it('refuse a record without parking headers', () => {
    expect(readParkedRecord({ ...original, topic: Topics.parked })).toBeUndefined();
  });
});
