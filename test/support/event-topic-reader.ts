import { randomBytes } from 'node:crypto';
import { type StationEvent, StationEventSchema } from '@app/contracts';
import { fromBinary } from '@bufbuild/protobuf';
import { type Consumer, type Kafka } from 'kafkajs';
import { eventually } from './service-process';

export interface ReadEvent {
  partition: number;
  offset: string;
  event: StationEvent;
}

/**
 * Reads ocpp.events from the beginning: first until `complete` holds for what was read, then on
 * to the end of every partition as it is then, so that a record produced twice shows up twice.
 */
export async function readWholeTopic(kafka: Kafka, topic: string, complete: (events: ReadEvent[]) => boolean, timeoutMs: number): Promise<ReadEvent[]> {
  const consumer: Consumer = kafka.consumer({ groupId: `e2e-census-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 500 });
  const events: ReadEvent[] = [];
  const nextOffset = new Map<number, bigint>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          if (message.value) events.push({ partition: batch.partition, offset: message.offset, event: fromBinary(StationEventSchema, message.value) });
          nextOffset.set(batch.partition, BigInt(message.offset) + 1n);
        }
      },
    });
    await eventually('every acknowledged event on the topic', async () => (complete(events) ? true : undefined), timeoutMs);
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    await eventually(
      'the end of every partition',
      async () => (ends.every(({ partition, high }) => (nextOffset.get(partition) ?? 0n) >= BigInt(high)) ? true : undefined),
      timeoutMs,
    );
    return events;
  } finally {
    await consumer.disconnect();
  }
}
