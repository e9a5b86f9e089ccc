import type { InboundRecord } from '../message-bus';
import { type FailureRecord, NO_FAILURES } from './poison-policy';

/** Records retried at once per subscription are few (one per partition); the bound only guards against leaks. */
const MAX_ENTRIES = 10_000;

/**
 * The failures so far of the records one subscription is retrying, by topic, partition and
 * offset: a record is delivered again (not retried in place) so that its partition can wait
 * while the others go on. In memory only: after a restart or a rebalance a record's count
 * starts again, which costs a few more attempts, never a lost record.
 */
export class FailureLedger {
  private readonly entries = new Map<string, FailureRecord>();

  failuresOf(record: InboundRecord): FailureRecord {
    return this.entries.get(keyOf(record)) ?? NO_FAILURES;
  }

  remember(record: InboundRecord, failures: FailureRecord): void {
    const key = keyOf(record);
    this.entries.delete(key);
    this.entries.set(key, failures);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  forget(record: InboundRecord): void {
    this.entries.delete(keyOf(record));
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(record: InboundRecord): string {
  return `${record.topic}/${record.partition}/${record.offset}`;
}
