import type { AllocationSession } from './allocation.types';
import { milliampsAtMost } from './milliamps';
import type { SessionTable } from './session-table';

/**
 * Whether the surplus rule needs a reference allocation: some session reports a draw but not what
 * it was offered.
 */
export function needsReferenceAllocation(sessions: readonly AllocationSession[]): boolean {
  return sessions.some((session) => session.drawnA !== undefined && session.offeredA === undefined);
}

/**
 * Each session's effective maximum in mA (ADR 013, guarantee 5). A session whose measured draw
 * plus the margin is below its reference — `offeredA` when the caller knows what the station holds,
 * else the current the same input would give it with no surplus cap (`reference`, mA) — draws
 * clearly less than it could: the EV limits itself (battery nearly full, a 1-phase EV on a 3-phase
 * limit, a cold battery). Its maximum becomes `drawnA + margin`, never below its minimum nor above
 * its `maxA`, and the rest goes to the others. A session without a measurement, or drawing about
 * what it was offered (it may want more), keeps its `maxA`. Comparing with what was offered, not
 * with this run's share, lets a session held low by others ramp up at once when they leave.
 */
export function effectiveMaximum(sessions: readonly AllocationSession[], table: SessionTable, marginA: number, reference?: Float64Array): Float64Array {
  const maximum = table.maximum.slice();
  sessions.forEach((session, index) => {
    const { drawnA } = session;
    if (drawnA === undefined || !Number.isFinite(drawnA)) return;
    const referenceA = session.offeredA ?? (reference ? reference[index] / 1000 : Number.POSITIVE_INFINITY);
    if (!(drawnA + marginA < referenceA)) return;
    const capped = Math.max(table.minimum[index], milliampsAtMost(Math.max(0, drawnA + marginA)));
    maximum[index] = Math.min(maximum[index], capped);
  });
  return maximum;
}
