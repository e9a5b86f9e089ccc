import type { Envelope, EnvelopeKind } from '@app/contracts';

/** Every topic of the system, by logical name. Deployments may prefix them (KAFKA_TOPIC_PREFIX). */
export const Topics = {
  events: 'ocpp.events',
  commands: 'ocpp.commands',
  results: 'ocpp.results',
  presence: 'ocpp.presence',
  deadLetter: 'ocpp.dead-letter',
  /** Records a consumer group failed on repeatedly, waiting to be replayed (ADR 041). */
  parked: 'ocpp.parked',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];
export type EnvelopeTopic = Exclude<TopicName, typeof Topics.deadLetter | typeof Topics.parked>;

/** Which envelope each topic carries; the dead-letter topic carries whatever failed, as it came. */
export const topicEnvelope = {
  [Topics.events]: 'stationEvent',
  [Topics.commands]: 'stationCommand',
  [Topics.results]: 'commandResult',
  [Topics.presence]: 'stationPresence',
} as const satisfies Record<EnvelopeTopic, EnvelopeKind>;

export type TopicEnvelope<T extends EnvelopeTopic> = Envelope<(typeof topicEnvelope)[T]>;

export interface TopicSettings {
  partitions: number;
  commandPartitions: number;
  replicationFactor: number;
  retentionMs: number;
  /** min.insync.replicas of every topic; unset: 2, or 1 on a single replica. */
  minInsyncReplicas?: number;
}

export interface TopicSpec {
  name: TopicName;
  partitions: number;
  replicationFactor: number;
  config: Record<string, string>;
}

/** Partitions, retention and cleanup policy of every topic: the one place they are decided. */
export function topicCatalog(settings: TopicSettings): TopicSpec[] {
  // Producers send with acks=all: a write is acknowledged once this many replicas have it.
  const minInsyncReplicas = String(settings.minInsyncReplicas ?? Math.min(2, settings.replicationFactor));
  const topic = (name: TopicName, partitions: number, cleanup: Record<string, string>): TopicSpec => ({
    name,
    partitions,
    replicationFactor: settings.replicationFactor,
    config: { ...cleanup, 'min.insync.replicas': minInsyncReplicas },
  });
  const retainedFor = (retentionMs: number) => ({ 'cleanup.policy': 'delete', 'retention.ms': String(retentionMs) });
  return [
    topic(Topics.events, settings.partitions, retainedFor(settings.retentionMs)),
    // One partition per connection replica: replica k consumes partition k.
    topic(Topics.commands, settings.commandPartitions, retainedFor(settings.retentionMs)),
    topic(Topics.results, settings.partitions, retainedFor(settings.retentionMs)),
    // Only the latest record per station matters; compaction keeps it forever.
    topic(Topics.presence, settings.partitions, { 'cleanup.policy': 'compact' }),
    // Dead letters wait for a human: keep them four times longer than the events.
    topic(Topics.deadLetter, 1, retainedFor(settings.retentionMs * 4)),
    // Parked records wait for a fix and a replay: as long as dead letters. One partition keeps them in parking order.
    topic(Topics.parked, 1, retainedFor(settings.retentionMs * 4)),
  ];
}
