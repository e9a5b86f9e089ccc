import type { RetentionClass } from '@app/config';
import { retentionCutoff } from './retention-batch';
import type { RetentionTarget } from './retention-target';

export interface PlannedTarget {
  target: RetentionTarget;
  cutoff: Date;
}

/** The targets a round prunes and each one's cutoff; a class kept 0 days is kept for ever, so its tables are left alone. */
export function planRound(targets: readonly RetentionTarget[], days: Record<RetentionClass, number>, now: Date): PlannedTarget[] {
  return targets.filter((target) => days[target.tableClass] > 0).map((target) => ({ target, cutoff: retentionCutoff(now, days[target.tableClass]) }));
}
