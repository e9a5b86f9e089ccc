import type { RetentionTarget } from './retention-target';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows aged before this instant are older than the retention and may go. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * One batch: at most `batchRows` rows older than the cutoff ($1), found through the index on
 * `agedBy` and deleted by their ctid (a TID scan), so the statement touches only those rows and
 * its transaction stays short. A row some writer holds locked is skipped (SKIP LOCKED), not
 * waited for: the job never queues behind the write path, and the row goes in a later round.
 */
export function batchDeleteSql(target: RetentionTarget, batchRows: number): string {
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError(`batchRows must be a positive whole number, not ${batchRows}`);
  const table = `"${target.schema}"."${target.table}"`;
  const keep = target.keepWhen === undefined ? '' : ` AND NOT (${target.keepWhen})`;
  const order = target.index === 'btree' ? ` ORDER BY aged.${target.agedBy}` : '';
  return `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT aged.ctid FROM ${table} aged WHERE aged.${target.agedBy} < $1${keep}${order} LIMIT ${batchRows} FOR UPDATE OF aged SKIP LOCKED))`;
}

/**
 * Whether a table may still hold rows to delete after a batch removed `deleted` of them: only a
 * full batch says so; a short one found every row older than the cutoff.
 */
export function moreToDelete(deleted: number, batchRows: number): boolean {
  return deleted >= batchRows;
}

/** The batches a backlog of `rows` takes: one more than the full ones when the last is full (it cannot know it was the last). */
export function batchesFor(rows: number, batchRows: number): number {
  return Math.floor(rows / batchRows) + 1;
}
