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
}

export interface TopicSpec {
  name: TopicName;
  partitions: number;
  replicationFactor: number;
  config: Record<string, string>;
}

/** Partitions, retention and cleanup policy of every topic: the one place they are decided. */
export function topicCatalog(settings: TopicSettings): TopicSpec[] {
  const retained = (name: TopicName, partitions: number): TopicSpec => ({
    name,
    partitions,
    replicationFactor: settings.replicationFactor,
    config: {
      'cleanup.policy': 'delete',
      'retention.ms': String(settings.retentionMs),
      'min.insync.replicas': String(Math.min(2, settings.replicationFactor)),
    },
  });
  return [
    retained(Topics.events, settings.partitions),
    // One partition per connection replica: replica k consumes partition k.
    retained(Topics.commands, settings.commandPartitions),
    retained(Topics.results, settings.partitions),
    {
      name: Topics.presence,
      partitions: settings.partitions,
      replicationFactor: settings.replicationFactor,
      // Only the latest record per station matters; compaction keeps it forever.
      config: { 'cleanup.policy': 'compact', 'min.insync.replicas': String(Math.min(2, settings.replicationFactor)) },
    },
    // Dead letters wait for a human: keep them four times longer than the events.
    { ...retained(Topics.deadLetter, 1), config: { 'cleanup.policy': 'delete', 'retention.ms': String(settings.retentionMs * 4) } },
    // Parked records wait for a fix and a replay: as long as dead letters. One partition keeps them in parking order.
    { ...retained(Topics.parked, 1), config: { 'cleanup.policy': 'delete', 'retention.ms': String(settings.retentionMs * 4) } },
  ];
}
