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
  const present = specs.filter((spec) => existing.has(prefixed(spec.name)));
  if (present.length === 0) return;
  const metadata = await admin.fetchTopicMetadata({ topics: present.map((spec) => prefixed(spec.name)) });
  const growth = present.flatMap((spec) => {
    const current = metadata.topics.find((topic) => topic.name === prefixed(spec.name))?.partitions.length ?? 0;
    return current < spec.partitions ? [{ topic: prefixed(spec.name), count: spec.partitions, current }] : [];
  });
  if (growth.length === 0) return;
  await admin.createPartitions({ topicPartitions: growth.map(({ topic, count }) => ({ topic, count })) });
  logger.warn({ growth }, 'grew topics to their configured partition count');
}
