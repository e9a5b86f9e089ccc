import { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';
import type { AllocationSession } from './allocation.types';

const hourMs = 3_600_000;

/**
 * How urgent a session is: the average power it needs until it leaves (W). A session past its
 * departure that still needs energy is the most urgent (`Infinity`); one whose need or departure is
 * unknown the least (-1).
 */
export function urgencyOf(session: AllocationSession, now: number): number {
  const { needWh, departure } = session;
  if (needWh === undefined || departure === undefined || !(needWh >= 0) || !Number.isFinite(departure)) return -1;
  if (needWh === 0) return 0;
  const hours = (departure - now) / hourMs;
  return hours > 0 ? needWh / hours : Number.POSITIVE_INFINITY;
}

export function priorityOf(session: AllocationSession): number {
  const priority = session.priority ?? 0;
  if (!Number.isFinite(priority)) throw new AllocationInputError(AllocationInputErrorCode.invalidPriority, `session ${session.id} has priority ${priority}`);
  return priority;
}

function startOf({ startedAt }: AllocationSession): number {
  return startedAt !== undefined && Number.isFinite(startedAt) ? startedAt : Number.POSITIVE_INFINITY;
}

/**
 * The given session indices in the order their minimums are admitted: priority (higher first),
 * then urgency (higher first), then start (earlier first, unknown last), then id. A total order on
 * distinct ids, so the order of the input does not matter.
 */
export function admissionOrder(sessions: readonly AllocationSession[], subset: Int32Array, priority: Float64Array, now: number): Int32Array {
  const urgency = new Float64Array(sessions.length);
  const started = new Float64Array(sessions.length);
  for (const index of subset) {
    urgency[index] = urgencyOf(sessions[index], now);
    started[index] = startOf(sessions[index]);
  }
  return subset.slice().sort((a, b) => {
    if (priority[a] !== priority[b]) return priority[b] - priority[a];
    if (urgency[a] !== urgency[b]) return urgency[b] > urgency[a] ? 1 : -1;
    if (started[a] !== started[b]) return started[a] < started[b] ? -1 : 1;
    const idA = sessions[a].id;
    const idB = sessions[b].id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
}
