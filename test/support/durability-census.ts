import { type Comparison, type DurableKeys, acknowledgedKeys, compare, countOf, publishedKeys, repeats, storedKeys } from './durable-census';
import { readWholeTopic } from './event-topic-reader';
import { testKafka } from './kafka-test-client';
import type { StationReceipts } from './station-receipts';
import type { TestDatabase } from './test-database';

/** What the stations were told was received, against what PostgreSQL and the events topic hold after a fault. */
export interface DurabilityCensus {
  acknowledged: DurableKeys;
  answered: number;
  stored: Awaited<ReturnType<typeof storedKeys>>;
  storedDiff: Record<keyof DurableKeys, Comparison>;
  published: ReturnType<typeof publishedKeys>;
  publishedDiff: Record<keyof DurableKeys, Comparison>;
  /** Answered messages found nowhere in PostgreSQL. */
  lost: number;
  /** Stored messages whose answer never reached the station (a replica died before it went out, ADR 009). */
  unanswered: number;
  duplicates: number;
}

/**
 * Counts a run's durable messages (stations with ids starting `prefix`) in PostgreSQL and on
 * `eventsTopic`, reading the topic until everything answered is there or 90 s passed.
 */
export async function takeDurabilityCensus(receipts: Iterable<StationReceipts>, database: TestDatabase, eventsTopic: string, prefix: string): Promise<DurabilityCensus> {
  const acknowledged = acknowledgedKeys(receipts);
  const stored = await storedKeys(database, prefix);
  const storedDiff = compare(acknowledged, stored);
  const events = await readWholeTopic(
    testKafka(),
    eventsTopic,
    (read) => {
      const diff = compare(acknowledged, publishedKeys(read.map((r) => r.event), prefix));
      return diff.starts.missing + diff.stops.missing + diff.meterValues.missing === 0;
    },
    90_000,
  );
  const published = publishedKeys(events.map((r) => r.event), prefix);
  const publishedDiff = compare(acknowledged, published);
  return {
    acknowledged,
    answered: countOf(acknowledged),
    stored,
    storedDiff,
    published,
    publishedDiff,
    lost: storedDiff.starts.missing + storedDiff.stops.missing + storedDiff.meterValues.missing,
    unanswered: storedDiff.starts.extra + storedDiff.stops.extra + storedDiff.meterValues.extra,
    duplicates: stored.duplicateSamples + repeats(stored.starts) + repeats(published.eventIds) + repeats(published.contents),
  };
}

/** Nothing answered is missing from PostgreSQL or Kafka, and nothing is there twice. */
export function expectNothingLostOrDoubled({ storedDiff, stored, publishedDiff, published }: DurabilityCensus): void {
  expect({ starts: storedDiff.starts.missing, stops: storedDiff.stops.missing, meterValues: storedDiff.meterValues.missing }).toEqual({ starts: 0, stops: 0, meterValues: 0 });
  expect({ samples: stored.duplicateSamples, transactions: repeats(stored.starts) }).toEqual({ samples: 0, transactions: 0 });
  expect({ starts: publishedDiff.starts.missing, stops: publishedDiff.stops.missing, meterValues: publishedDiff.meterValues.missing }).toEqual({ starts: 0, stops: 0, meterValues: 0 });
  expect({ eventIds: repeats(published.eventIds), contents: repeats(published.contents) }).toEqual({ eventIds: 0, contents: 0 });
}
