import { batchDeleteSql, batchesFor, moreToDelete, retentionCutoff } from './retention-batch';
import { planRound } from './retention-plan';
import { inboxRetention, mutationAuditRetention, type RetentionTarget } from './retention-target';

const days = { processedEvents: 30, meterSamples: 365, transactionEvents: 0, audit: 400, history: 90, drawHistory: 90 };

describe('retention cutoff and plan', () => {
  it('is the retention in whole days before now', () => {
    expect(retentionCutoff(new Date('2025-06-01T10:00:00Z'), 90)).toEqual(new Date('2025-03-03T10:00:00Z'));
    expect(retentionCutoff(new Date('2025-06-01T10:00:00Z'), 1)).toEqual(new Date('2025-05-31T10:00:00Z'));
  });

  it('gives each target the cutoff of its class, and leaves classes kept 0 days (for ever) alone', () => {
    const events: RetentionTarget = { tableClass: 'transactionEvents', schema: 'connection', table: 'transaction_event', agedBy: 'received_at', index: 'btree' };
    const planned = planRound([inboxRetention('pki'), mutationAuditRetention('pki'), events], days, new Date('2025-06-01T00:00:00Z'));
    expect(planned.map(({ target, cutoff }) => [target.table, cutoff.toISOString()])).toEqual([
      ['processed_event', '2025-05-02T00:00:00.000Z'],
      ['mutation_audit', '2024-04-27T00:00:00.000Z'],
    ]);
  });
});

describe('batch delete', () => {
  it('deletes at most a batch of the oldest rows through the btree index, by ctid', () => {
    expect(batchDeleteSql(inboxRetention('smart_charging'), 500)).toBe(
      'DELETE FROM "smart_charging"."processed_event" WHERE ctid = ANY(ARRAY(SELECT aged.ctid FROM "smart_charging"."processed_event" aged WHERE aged.processed_at < $1 ORDER BY aged.processed_at LIMIT 500 FOR UPDATE OF aged SKIP LOCKED))',
    );
  });

  it('does not sort the old rows of a BRIN-indexed table, and keeps the rows its condition protects', () => {
    const sql = batchDeleteSql({ tableClass: 'history', schema: 'connection', table: 'command_log', agedBy: 'recorded_at', index: 'brin', keepWhen: 'aged.pinned' }, 10);
    expect(sql).toContain('WHERE aged.recorded_at < $1 AND NOT (aged.pinned) LIMIT 10 FOR UPDATE OF aged SKIP LOCKED');
    expect(sql).not.toContain('ORDER BY');
  });

  it.each([0, -1, 2.5])('refuses a batch of %p rows', (rows) => {
    expect(() => batchDeleteSql(inboxRetention('pki'), rows)).toThrow(RangeError);
  });

  it('goes on while batches come back full, and knows how many batches a backlog takes', () => {
    expect(moreToDelete(100, 100)).toBe(true);
    expect(moreToDelete(99, 100)).toBe(false);
    expect(moreToDelete(0, 100)).toBe(false);
    expect(batchesFor(250, 100)).toBe(3);
    expect(batchesFor(200, 100)).toBe(3);
    expect(batchesFor(0, 100)).toBe(1);
  });
});
