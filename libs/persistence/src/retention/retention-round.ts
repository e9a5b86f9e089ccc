/** What one round of a service's retention job did; tables are named `schema.table`. */
export interface RetentionRound {
  /** skipped: another replica held the schema's retention lock; stopped: the service began shutting down mid-round. */
  outcome: 'completed' | 'skipped' | 'stopped';
  deleted: Record<string, number>;
  batches: Record<string, number>;
  durationMs: number;
}
