const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows recorded before this instant are older than the retention and may go. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
