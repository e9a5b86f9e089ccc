import { type TopicName, Topics } from './topics';

/** What docs/kafka-topics.md says of a topic beyond its settings: who writes it, who reads it, and how it is keyed. */
export interface TopicUsage {
  key: string;
  producers: string;
  /** Consumer groups (before KAFKA_TOPIC_PREFIX); `{k}` a connection replica index, `{instance}` a process instance. */
  consumers: string;
  content: string;
}

/** One entry per topic: a topic added to `Topics` without one does not compile, so the documentation cannot lag. */
export const topicUsage = {
  [Topics.events]: {
    key: 'station id',
    producers: 'connection',
    consumers: 'smart-charging.station-events, smart-charging.foreign-limits, pki.station-events, pki.station-connections',
    content: 'StationEvent: connected, disconnected, booted, status, transaction, meter values, security event, CSR, ...',
  },
  [Topics.commands]: {
    key: 'station id; partition = the connection replica holding the station',
    producers: 'smart-charging, pki, connection (operator REST)',
    consumers: 'connection.commands.replica-{k} (replica k reads partition k only)',
    content: 'StationCommand: version-neutral command or raw call, with deadline',
  },
  [Topics.results]: {
    key: 'station id',
    producers: 'connection',
    consumers: '{service}.command-results.{instance} (each requester, from now on)',
    content: 'CommandResult: accepted, rejected, callerror, timeout, not-connected, with payload',
  },
  [Topics.presence]: {
    key: 'station id; `replica/{k}` for replica k\'s heartbeat',
    producers: 'connection',
    consumers: '{service}.presence.{instance} (every command sender, from the beginning)',
    content: 'StationPresence: a station\'s state (replica, incarnation, epoch, connected, protocol, security profile) or a replica\'s heartbeat (ADR 042); only the latest per key matters',
  },
  [Topics.deadLetter]: {
    key: 'key of the failed record',
    producers: 'every consumer group (records it can never decode)',
    consumers: 'none: read by people and tools',
    content: 'the failed record as it came, with headers naming group, code and original topic',
  },
  [Topics.parked]: {
    key: 'key of the parked record',
    producers: 'every consumer group (records that kept failing, ADR 041)',
    consumers: 'connection.parked-events (index for the replay API)',
    content: 'the parked record with group, failure signature and attempts; replayed to its original topic',
  },
} as const satisfies Record<TopicName, TopicUsage>;
