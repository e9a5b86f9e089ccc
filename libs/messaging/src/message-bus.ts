import type { ComponentHealth } from '@app/observability';
import type { TopicName } from './topics';

export interface OutboundRecord {
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
  /** Set only where the partition carries meaning (ocpp.commands: the owning replica). */
  partition?: number;
}

export interface InboundRecord {
  topic: TopicName;
  partition: number;
  offset: string;
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
}

export interface Delivery {
  /** Aborted when the process stops: a handler that is still retrying gives up without committing. */
  signal: AbortSignal;
  /** Keeps a consumer-group membership alive during a long retry. */
  heartbeat(): Promise<void>;
}

/**
 * A handler's answer for a record it could not handle yet: deliver it again after this long. Its
 * partition waits meanwhile (order holds within it) while the other partitions go on (ADR 041).
 */
export interface RetryLater {
  retryAfterMs: number;
}

/** Resolves when the record is done with (handled, dead-lettered, parked, or passed over), or asks for it again later. */
export type RecordHandler = (record: InboundRecord, delivery: Delivery) => Promise<void | RetryLater>;

export interface Subscription {
  topic: TopicName;
  /** Logical consumer group, e.g. `smart-charging.station-events`; every group sees every record. */
  groupId: string;
  handler: RecordHandler;
  /** Consume only this partition (ocpp.commands: the replica's own); default all partitions. */
  partition?: number;
  /** Where a new group starts: the oldest record (default) or only records published from now on. */
  from?: 'beginning' | 'now';
  /**
   * The group's name in metrics (consumer lag, records consumed); default groupId. A group of one
   * process (`<service>.presence.<instance>`) gives its logical name, so a restart does not start
   * new series.
   */
  groupLabel?: string;
}

/** Where a partition's log starts and ends now: records from `low` up to (not including) `high` can be read. */
export interface PartitionEnd {
  partition: number;
  low: string;
  high: string;
}

/**
 * The one messaging interface the apps see. Kafka (kafkajs today) and the
 * in-process bus of the embedded mode both implement it, so a different Kafka
 * client can replace kafkajs without touching an app.
 */
export interface MessageBus {
  readonly kind: 'kafka' | 'in-process';
  start(): Promise<void>;
  /** Resolves once the records are durable (Kafka: acknowledged by all in-sync replicas). */
  publish(topic: TopicName, records: OutboundRecord[]): Promise<void>;
  subscribe(subscription: Subscription): Promise<void>;
  /** Leaves the group `groupId` on `topic` (in-flight handlers finish first); nothing when not subscribed. */
  unsubscribe(topic: TopicName, groupId: string): Promise<void>;
  checkHealth(): Promise<ComponentHealth>;
  /** Every partition's readable range now (what a consumer from the beginning must read to have caught up); in-process: none are retained. */
  endOffsets(topic: TopicName): Promise<PartitionEnd[]>;
  /** Stops consuming (in-flight handlers finish or abort), then flushes and closes the producer. */
  stop(): Promise<void>;
}

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
