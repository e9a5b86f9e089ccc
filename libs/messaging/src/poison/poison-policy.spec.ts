import { type FailureRecord, NO_FAILURES, type PoisonDecision, afterFailure } from './poison-policy';
import type { FailureKind } from './failure-classification';

const policy = { parkAfterFailures: 3 };
const broken = { errorClass: 'TypeError', message: 'x is undefined' };
const other = { errorClass: 'QueryFailedError', message: 'rejected by trigger' };

/** Feeds failures in order; returns each decision and the final record. */
function run(failures: [FailureKind, typeof broken][]): { decisions: PoisonDecision[]; record: FailureRecord } {
  let record = NO_FAILURES;
  const decisions: PoisonDecision[] = [];
  for (const [kind, failure] of failures) {
    const next = afterFailure(record, kind, failure, policy);
    record = next.record;
    decisions.push(next.decision);
  }
  return { decisions, record };
}

describe('afterFailure', () => {
  it('parks an event at its Nth identical permanent failure', () => {
    const { decisions, record } = run([
      ['permanent', broken],
      ['permanent', broken],
      ['permanent', broken],
    ]);
    expect(decisions).toEqual(['retry', 'retry', 'park']);
    expect(record).toEqual({ attempts: 3, last: broken, repeats: 3 });
  });

  it('retries transient failures without limit and without counting them', () => {
    const { decisions, record } = run(Array.from({ length: 50 }, () => ['transient', broken] as [FailureKind, typeof broken]));
    expect(new Set(decisions)).toEqual(new Set(['retry']));
    expect(record).toEqual({ attempts: 50, last: undefined, repeats: 0 });
  });

  it('keeps the run of identical failures across an outage in between', () => {
    const { decisions } = run([
      ['permanent', broken],
      ['transient', other],
      ['permanent', broken],
      ['transient', other],
      ['permanent', broken],
    ]);
    expect(decisions).toEqual(['retry', 'retry', 'retry', 'retry', 'park']);
  });

  it('starts counting again when the event fails in a different way', () => {
    const { decisions, record } = run([
      ['permanent', broken],
      ['permanent', broken],
      ['permanent', other],
      ['permanent', other],
      ['permanent', other],
    ]);
    expect(decisions).toEqual(['retry', 'retry', 'retry', 'retry', 'park']);
    expect(record.attempts).toBe(5);
  });

  it('parks at the first failure when the policy allows one', () => {
    expect(afterFailure(NO_FAILURES, 'permanent', broken, { parkAfterFailures: 1 }).decision).toBe('park');
  });
});
