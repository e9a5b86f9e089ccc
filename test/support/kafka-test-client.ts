import { randomBytes } from 'node:crypto';
import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';

export function testBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: the e2e global setup starts the broker');
  return brokers;
}

/** A topic prefix no other test file uses, so files can share one broker. */
export function uniqueTopicPrefix(label: string): string {
  return `t-${label}-${randomBytes(3).toString('hex')}.`;
}

export function testKafka(): Kafka {
  return new Kafka({ clientId: 'csms-e2e', brokers: testBrokers().split(','), logLevel: logLevel.NOTHING });
}

/** Reads `topic` from the beginning until `predicate` holds for the messages seen, or the timeout passes. */
export async function readUntil(
  kafka: Kafka,
  topic: string,
  predicate: (messages: KafkaMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `e2e-reader-${randomBytes(4).toString('hex')}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${messages.length} message(s) on ${topic} after ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          messages.push(message);
          if (predicate(messages)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
