import { type AdmissionRanking, admit } from './admission';
import { admissionOrder, priorityOf } from './admission-order';
import { checkedCurrent } from './allocation-input.error';
import { type Allocation, type AllocationInput, DEFAULT_SURPLUS_MARGIN_A, DEFAULT_VOLTAGE } from './allocation.types';
import { buildNetwork } from './constraint-network';
import { describeAllocation } from './node-load';
import { type SessionTable, buildSessionTable, duplicateSessionError } from './session-table';
import { effectiveMaximum, needsReferenceAllocation } from './surplus-cap';
import { fill } from './water-filling';

/**
 * The current per phase of every session under a site's limits (ADR 013): pure, no I/O.
 *
 * 1. Effective maximum per session: its `maxA`, or its draw plus a margin when it draws clearly
 *    less than it was offered (`effectiveMaximum`).
 * 2. Admission: in order of priority, urgency, start and id, each session at its minimum if that
 *    fits on every constraint it loads alongside fixed loads and the minimums already admitted;
 *    the others get 0.
 * 3. Progressive filling (water-filling) per priority class from the highest (`fill`).
 *
 * Throws `AllocationInputError` on malformed input (see its codes).
 */
export function allocate(input: AllocationInput): Allocation {
  const network = buildNetwork(input.nodes, input.fixedLoads ?? [], input.voltage ?? DEFAULT_VOLTAGE);
  const table = buildSessionTable(network, input.sessions);
  const priority = new Float64Array(input.sessions.length);
  input.sessions.forEach((session, index) => (priority[index] = priorityOf(session)));
  const rank: AdmissionRanking = (subset) => admissionOrder(input.sessions, subset, priority, input.now);
  const plan: Plan = { table, rank, priority };
  const marginA = checkedCurrent('the surplus margin', input.surplusMarginA ?? DEFAULT_SURPLUS_MARGIN_A);
  const reference = needsReferenceAllocation(input.sessions) ? distribute(plan, table.maximum) : undefined;
  const value = distribute(plan, effectiveMaximum(input.sessions, table, marginA, reference));
  const allocation = describeAllocation(input, network, table, value);
  if (allocation.currents.size !== input.sessions.length) throw duplicateSessionError(input.sessions);
  return allocation;
}

interface Plan {
  table: SessionTable;
  rank: AdmissionRanking;
  priority: Float64Array;
}

/** Session values in mA for the given maxima: admission, then filling. */
function distribute(plan: Plan, maximum: Float64Array): Float64Array {
  const admission = admit(plan.table, maximum, plan.rank);
  return fill(plan.table, admission, plan.priority, maximum);
}
