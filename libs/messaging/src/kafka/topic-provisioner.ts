import { StartupError } from '@app/config';
import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import type { TopicSpec } from '../topics';

/**
 * Creates missing topics with their configured settings and grows topics that
 * have fewer partitions than configured. Partitions are never removed: Kafka
 * cannot, and shrinking would reshuffle keys anyway.
 */
export async function provisionTopics(admin: Admin, specs: TopicSpec[], prefixed: (name: string) => string, logger: Logger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(prefixed(spec.name)));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: prefixed(spec.name),
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
      })),
    });
    logger.info({ topics: missing.map((spec) => prefixed(spec.name)) }, 'created topics');
  }
  const growth = await partitionShortfalls(admin, specs.filter((spec) => existing.has(prefixed(spec.name))), prefixed);
  if (growth.length === 0) return;
  await admin.createPartitions({ topicPartitions: growth.map(({ topic, needed }) => ({ topic, count: needed })) });
  logger.warn({ growth }, 'grew topics to their configured partition count');
}

/**
 * KAFKA_CREATE_TOPICS=false (a managed cluster that grants no topic creation): every topic of
 * the catalogue must already exist with at least its partitions, or the start stops naming
 * what is wrong. Nothing is created or changed.
 */
export async function verifyTopics(admin: Admin, specs: TopicSpec[], prefixed: (name: string) => string, logger: Logger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(prefixed(spec.name))).map((spec) => prefixed(spec.name));
  const short = await partitionShortfalls(admin, specs.filter((spec) => existing.has(prefixed(spec.name))), prefixed);
  if (missing.length > 0 || short.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`missing topics: ${missing.join(', ')}`] : []),
      ...short.map(({ topic, current, needed }) => `${topic} has ${current} partitions, needs at least ${needed}`),
    ];
    throw new StartupError(
      `the Kafka topics are not as the catalogue needs them (KAFKA_CREATE_TOPICS=false): ${problems.join('; ')}`,
      'create or grow them as docs/kafka-topics.md lists (e.g. Strimzi KafkaTopic resources), or set KAFKA_CREATE_TOPICS=true where this client may create topics',
    );
  }
  logger.info({ topics: specs.map((spec) => prefixed(spec.name)) }, 'every topic of the catalogue exists (KAFKA_CREATE_TOPICS=false)');
}

interface PartitionShortfall {
  topic: string;
  current: number;
  needed: number;
}

async function partitionShortfalls(admin: Admin, specs: TopicSpec[], prefixed: (name: string) => string): Promise<PartitionShortfall[]> {
  if (specs.length === 0) return [];
  const metadata = await admin.fetchTopicMetadata({ topics: specs.map((spec) => prefixed(spec.name)) });
  return specs.flatMap((spec) => {
    const current = metadata.topics.find((topic) => topic.name === prefixed(spec.name))?.partitions.length ?? 0;
    return current < spec.partitions ? [{ topic: prefixed(spec.name), current, needed: spec.partitions }] : [];
  });
}
