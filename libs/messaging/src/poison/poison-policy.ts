import type { FailureKind } from './failure-classification';
import { type FailureSignature, sameFailure } from './failure-signature';

export interface PoisonPolicy {
  /** Identical permanent failures of one event after which it is parked (MESSAGING_PARK_AFTER_FAILURES). */
  parkAfterFailures: number;
}

export const DEFAULT_POISON_POLICY: PoisonPolicy = { parkAfterFailures: 5 };

/** What one event's failures so far amount to. */
export interface FailureRecord {
  /** Every failed attempt, transient or not. */
  attempts: number;
  /** The permanent failure seen last, and how many times in a row (transient ones in between do not break the run). */
  last: FailureSignature | undefined;
  repeats: number;
}

export const NO_FAILURES: FailureRecord = { attempts: 0, last: undefined, repeats: 0 };

export type PoisonDecision = 'retry' | 'park';

/**
 * The retry-or-park decision after a failed attempt. Transient failures are retried without
 * limit and leave the count alone (an outage says nothing about the event). A permanent failure
 * that differs from the previous one starts the count again: the event fails, but not in the
 * same way, so the state it depends on is moving. The same permanent failure
 * `parkAfterFailures` times in a row parks the event.
 */
export function afterFailure(
  record: FailureRecord,
  kind: FailureKind,
  failure: FailureSignature,
  policy: PoisonPolicy,
): { record: FailureRecord; decision: PoisonDecision } {
  const attempts = record.attempts + 1;
  if (kind === 'transient') return { record: { ...record, attempts }, decision: 'retry' };
  const repeats = record.last !== undefined && sameFailure(record.last, failure) ? record.repeats + 1 : 1;
  const next = { attempts, last: failure, repeats };
  return { record: next, decision: repeats >= policy.parkAfterFailures ? 'park' : 'retry' };
}
