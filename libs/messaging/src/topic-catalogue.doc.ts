import { type TopicSettings, topicCatalog } from './topics';
import { topicUsage } from './topic-usage';

/** The settings docs/kafka-topics.md shows: the environment's defaults (libs/config/src/env-schema.ts). */
export const DOCUMENTED_TOPIC_SETTINGS: TopicSettings = { partitions: 6, commandPartitions: 16, replicationFactor: 3, retentionMs: 7 * 24 * 3600 * 1000, minInsyncReplicas: 2 };

const DAY_MS = 24 * 3600 * 1000;

/** The generated part of docs/kafka-topics.md: one row per topic of the catalogue, straight from `topicCatalog`. */
export function renderTopicCatalogue(settings: TopicSettings = DOCUMENTED_TOPIC_SETTINGS): string {
  const rows = topicCatalog(settings).map((spec) => {
    const usage = topicUsage[spec.name];
    return `| \`${spec.name}\` | ${partitionsOf(spec.partitions, settings)} | ${usage.key} | ${cleanupOf(spec.config, settings)} | ${spec.config['min.insync.replicas']} | ${usage.producers} | ${usage.consumers} | ${usage.content} |`;
  });
  return [
    '| topic | partitions | key | cleanup / retention | min.insync.replicas | producers | consumer groups | content |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function partitionsOf(partitions: number, settings: TopicSettings): string {
  if (partitions === settings.commandPartitions) return `KAFKA_COMMAND_PARTITIONS (${partitions})`;
  if (partitions === settings.partitions) return `KAFKA_PARTITIONS (${partitions})`;
  return `${partitions} (fixed)`;
}

function cleanupOf(config: Record<string, string>, settings: TopicSettings): string {
  if (config['cleanup.policy'] === 'compact') return '**compacted** (latest record per key, kept forever)';
  const retention = Number(config['retention.ms']);
  const factor = retention / settings.retentionMs;
  const variable = factor === 1 ? 'KAFKA_RETENTION_MS' : `${factor} × KAFKA_RETENTION_MS`;
  return `delete after ${variable} (${retention / DAY_MS} d)`;
}
