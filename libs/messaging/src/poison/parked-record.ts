import { Headers } from '../headers';
import type { InboundRecord, OutboundRecord } from '../message-bus';
import { type TopicName, Topics } from '../topics';
import type { FailureSignature } from './failure-signature';

/** A record a consumer group gave up on, as read back from ocpp.parked. */
export interface ParkedEvent {
  /** Where it sits on ocpp.parked: `partition/offset`, unique. */
  parkingId: string;
  groupId: string;
  originalTopic: TopicName;
  originalPartition: number;
  originalOffset: string;
  key: string;
  /** The original headers, without the parking ones. */
  headers: Record<string, string>;
  value: Uint8Array;
  errorClass: string;
  errorMessage: string;
  attempts: number;
  parkedAt: Date;
}

export interface ParkingDetails {
  groupId: string;
  failure: FailureSignature;
  attempts: number;
  parkedAt: Date;
}

const PARKING_HEADERS: ReadonlySet<string> = new Set([
  Headers.originalTopic,
  Headers.originalPartition,
  Headers.originalOffset,
  Headers.consumerGroup,
  Headers.parkedErrorClass,
  Headers.parkedError,
  Headers.parkedAttempts,
  Headers.parkedAt,
]);

/** The ocpp.parked record of a record that failed: its key, value and headers as they came, plus where it came from and why it stopped. */
export function parkedRecord(record: InboundRecord, details: ParkingDetails): OutboundRecord {
  const original = Object.fromEntries(Object.entries(record.headers).filter(([name]) => !PARKING_HEADERS.has(name) && name !== Headers.replayForGroup));
  return {
    key: record.key,
    value: record.value,
    headers: {
      ...original,
      [Headers.originalTopic]: record.topic,
      [Headers.originalPartition]: String(record.partition),
      [Headers.originalOffset]: record.offset,
      [Headers.consumerGroup]: details.groupId,
      [Headers.parkedErrorClass]: details.failure.errorClass,
      [Headers.parkedError]: details.failure.message,
      [Headers.parkedAttempts]: String(details.attempts),
      [Headers.parkedAt]: details.parkedAt.toISOString(),
    },
  };
}

const REPLAYABLE_TOPICS: ReadonlySet<string> = new Set([Topics.events, Topics.commands, Topics.results, Topics.presence]);

/** Reads a record of ocpp.parked back; undefined for one that lacks the parking headers (written by something else). */
export function readParkedRecord(record: InboundRecord): ParkedEvent | undefined {
  const h = record.headers;
  const topic = h[Headers.originalTopic];
  const partition = Number(h[Headers.originalPartition]);
  const attempts = Number(h[Headers.parkedAttempts]);
  const parkedAt = new Date(h[Headers.parkedAt] ?? '');
  const groupId = h[Headers.consumerGroup];
  const offset = h[Headers.originalOffset];
  if (topic === undefined || !REPLAYABLE_TOPICS.has(topic) || groupId === undefined || offset === undefined) return undefined;
  if (!Number.isInteger(partition) || !Number.isInteger(attempts) || Number.isNaN(parkedAt.getTime())) return undefined;
  return {
    parkingId: `${record.partition}/${record.offset}`,
    groupId,
    originalTopic: topic as TopicName,
    originalPartition: partition,
    originalOffset: offset,
    key: record.key,
    headers: Object.fromEntries(Object.entries(h).filter(([name]) => !PARKING_HEADERS.has(name))),
    value: record.value,
    errorClass: h[Headers.parkedErrorClass] ?? '',
    errorMessage: h[Headers.parkedError] ?? '',
    attempts,
    parkedAt,
  };
}

/**
 * The record that replays a parked one: to its original topic and partition (so it queues behind
 * what that partition holds, in the same consumer), with a header that only its group handles.
 */
export function replayRecord(parked: ParkedEvent): { topic: TopicName; record: OutboundRecord } {
  return {
    topic: parked.originalTopic,
    record: {
      key: parked.key,
      value: parked.value,
      partition: parked.originalPartition,
      headers: { ...parked.headers, [Headers.replayForGroup]: parked.groupId, [Headers.replayOf]: parked.parkingId },
    },
  };
}
