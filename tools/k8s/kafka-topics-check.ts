import { topicCatalog } from '@app/messaging';
import { violation, type Manifest, type Violation } from './manifest';

interface KafkaTopicSpec {
  topicName?: string;
  partitions?: number;
  replicas?: number;
  config?: Record<string, string | number | boolean>;
}

interface AclRule {
  resource: { type: string; name?: string; patternType?: string };
}

/**
 * The KafkaTopics are the catalogue of libs/messaging/src/topics.ts with the settings of the
 * shared ConfigMap (csms-common): the same names (with KAFKA_TOPIC_PREFIX), partitions,
 * replication factor and topic configuration; and KafkaUser ACLs name only those topics.
 */
export function kafkaTopicViolations(manifests: Manifest[]): Violation[] {
  // An overlay against an external Kafka declares no topics: they are created there (docs/kafka-topics.md).
  if (!manifests.some((manifest) => manifest.kind === 'Kafka' || manifest.kind === 'KafkaTopic')) return [];
  const common = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'csms-common');
  if (common === undefined) return [{ rule: 'kafka-topics', resource: 'ConfigMap/csms-common', message: 'the shared ConfigMap is missing' }];
  const data = (common.data ?? {}) as Record<string, string>;
  const number = (name: string, fallback: number) => (data[name] === undefined ? fallback : Number(data[name]));
  const prefix = data.KAFKA_TOPIC_PREFIX ?? '';
  // Not a literal: minInsyncReplicas reaches topicCatalog once it reads KAFKA_MIN_INSYNC_REPLICAS (issue 14, secure Kafka).
  const settings = {
    partitions: number('KAFKA_PARTITIONS', 6),
    commandPartitions: number('KAFKA_COMMAND_PARTITIONS', 16),
    replicationFactor: number('KAFKA_REPLICATION_FACTOR', 1),
    retentionMs: number('KAFKA_RETENTION_MS', 7 * 24 * 3600 * 1000),
    minInsyncReplicas: data.KAFKA_MIN_INSYNC_REPLICAS === undefined ? undefined : Number(data.KAFKA_MIN_INSYNC_REPLICAS),
  };
  const expected = topicCatalog(settings);
  const topics = manifests.filter((manifest) => manifest.kind === 'KafkaTopic');
  const byName = new Map(topics.map((topic) => [(topic.spec as KafkaTopicSpec).topicName ?? topic.metadata.name, topic]));
  const found: Violation[] = [];
  for (const spec of expected) {
    const name = `${prefix}${spec.name}`;
    const topic = byName.get(name);
    if (topic === undefined) {
      found.push({ rule: 'kafka-topics', resource: `KafkaTopic/${name}`, message: `topic ${name} of libs/messaging/src/topics.ts has no KafkaTopic` });
      continue;
    }
    const actual = topic.spec as KafkaTopicSpec;
    if (actual.partitions !== spec.partitions) found.push(violation('kafka-topics', topic, `partitions ${actual.partitions} but the catalogue says ${spec.partitions}`));
    if (actual.replicas !== spec.replicationFactor) found.push(violation('kafka-topics', topic, `replicas ${actual.replicas} but KAFKA_REPLICATION_FACTOR is ${spec.replicationFactor}`));
    for (const [key, value] of Object.entries(spec.config)) {
      if (String(actual.config?.[key]) !== value) found.push(violation('kafka-topics', topic, `config ${key} is ${actual.config?.[key]} but the catalogue says ${value}`));
    }
  }
  const names = new Set(expected.map((spec) => `${prefix}${spec.name}`));
  for (const topic of topics) {
    const name = (topic.spec as KafkaTopicSpec).topicName ?? topic.metadata.name;
    if (!names.has(name)) found.push(violation('kafka-topics', topic, `topic ${name} is not in libs/messaging/src/topics.ts`));
  }
  for (const user of manifests.filter((manifest) => manifest.kind === 'KafkaUser')) {
    const acls = ((user.spec as { authorization?: { acls?: AclRule[] } }).authorization?.acls ?? []).filter((acl) => acl.resource.type === 'topic');
    for (const acl of acls) {
      if (acl.resource.patternType === 'literal' && !names.has(acl.resource.name ?? '')) found.push(violation('kafka-topics', user, `an ACL names topic ${acl.resource.name}, which is not in the catalogue`));
    }
  }
  return found;
}
