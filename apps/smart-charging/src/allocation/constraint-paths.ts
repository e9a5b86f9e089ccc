import { CONSTRAINTS_PER_NODE, type ConstraintNetwork, TOTAL_SLOT } from './constraint-network';
import { phaseCount } from './grid-phases';
import type { SessionFacts } from './session-table';

/**
 * Which constraints each session loads (its path: every binding limit on a phase it draws on, and
 * every binding total-W limit, on its node and all its ancestors) and, per constraint, the sessions
 * on it; both stored compressed (start offsets into one flat array).
 *
 * A limit is binding when the fixed loads plus every session below it at its maximum would exceed
 * it; one that is not can never be reached, so it is left out: the engine's work grows with the
 * limits that matter (an EVSE's own rating under a single session does not).
 */
export interface ConstraintPaths {
  /** The binding constraints, numbered 0 .. count-1 (paths and members use these numbers): capacity and fixed loads in mA. */
  readonly constraintCount: number;
  readonly capacity: Float64Array;
  readonly fixed: Float64Array;
  /** Constraints of session s: `pathConstraint[pathStart[s] .. pathStart[s + 1])`, with their weights. */
  readonly pathStart: Int32Array;
  readonly pathConstraint: Int32Array;
  /** 1 on a phase constraint; the session's phase count on a total-W constraint. */
  readonly pathWeight: Uint8Array;
  /** Sessions on constraint c: `member[memberStart[c] .. memberStart[c + 1])`. */
  readonly memberStart: Int32Array;
  readonly member: Int32Array;
}

export function buildPaths(network: ConstraintNetwork, sessions: SessionFacts): ConstraintPaths {
  const binding = bindingConstraints(network, sessions);
  const onPath = bindingOnPath(network, binding);
  const numbered = numberBinding(network, binding);
  const pathStart = new Int32Array(sessions.count + 1);
  for (let session = 0; session < sessions.count; session++) {
    const first = sessions.node[session] * CONSTRAINTS_PER_NODE;
    const mask = sessions.phases[session];
    let length = onPath[first + TOTAL_SLOT];
    for (let slot = 0; slot < TOTAL_SLOT; slot++) if (mask & (1 << slot)) length += onPath[first + slot];
    pathStart[session + 1] = pathStart[session] + length;
  }
  const pathConstraint = new Int32Array(pathStart[sessions.count]);
  const pathWeight = new Uint8Array(pathStart[sessions.count]);
  for (let session = 0; session < sessions.count; session++) {
    writePath(network, numbered.numberOf, sessions.node[session], sessions.phases[session], pathStart[session], pathConstraint, pathWeight);
  }
  return { ...numbered.constraints, pathStart, pathConstraint, pathWeight, ...members(numbered.constraints.constraintCount, pathStart, pathConstraint) };
}

/** Numbers the binding constraints densely, so that the engine's per-constraint arrays hold only those. */
function numberBinding(network: ConstraintNetwork, binding: Uint8Array): { numberOf: Int32Array; constraints: Pick<ConstraintPaths, 'constraintCount' | 'capacity' | 'fixed'> } {
  const numberOf = new Int32Array(binding.length).fill(-1);
  let constraintCount = 0;
  for (let constraint = 0; constraint < binding.length; constraint++) if (binding[constraint] === 1) numberOf[constraint] = constraintCount++;
  const capacity = new Float64Array(constraintCount);
  const fixed = new Float64Array(constraintCount);
  for (let constraint = 0; constraint < binding.length; constraint++) {
    const number = numberOf[constraint];
    if (number < 0) continue;
    capacity[number] = network.capacity[constraint];
    fixed[number] = network.fixed[constraint];
  }
  return { numberOf, constraints: { constraintCount, capacity, fixed } };
}

/** 1 for each constraint that every session below it at its maximum, with the fixed loads, would exceed. */
function bindingConstraints(network: ConstraintNetwork, sessions: SessionFacts): Uint8Array {
  const demand = network.fixed.slice();
  for (let session = 0; session < sessions.count; session++) {
    const first = sessions.node[session] * CONSTRAINTS_PER_NODE;
    const mask = sessions.phases[session];
    const maximum = sessions.maximum[session];
    for (let slot = 0; slot < TOTAL_SLOT; slot++) if (mask & (1 << slot)) demand[first + slot] += maximum;
    demand[first + TOTAL_SLOT] += phaseCount(mask) * maximum;
  }
  const { parent, bottomUp } = network.tree;
  const binding = new Uint8Array(demand.length);
  for (const node of bottomUp) {
    for (let slot = 0; slot < CONSTRAINTS_PER_NODE; slot++) {
      const constraint = node * CONSTRAINTS_PER_NODE + slot;
      // Fixed loads were summed up the tree already: only the sessions' part travels up.
      if (parent[node] >= 0) demand[parent[node] * CONSTRAINTS_PER_NODE + slot] += demand[constraint] - network.fixed[constraint];
      binding[constraint] = demand[constraint] > network.capacity[constraint] ? 1 : 0;
    }
  }
  return binding;
}

/** Per node and slot: how many binding constraints of that slot lie from the node up to its root. */
function bindingOnPath(network: ConstraintNetwork, binding: Uint8Array): Int32Array {
  const { parent, bottomUp } = network.tree;
  const count = new Int32Array(binding.length);
  for (let index = bottomUp.length - 1; index >= 0; index--) {
    const node = bottomUp[index];
    for (let slot = 0; slot < CONSTRAINTS_PER_NODE; slot++) {
      const above = parent[node] < 0 ? 0 : count[parent[node] * CONSTRAINTS_PER_NODE + slot];
      count[node * CONSTRAINTS_PER_NODE + slot] = above + binding[node * CONSTRAINTS_PER_NODE + slot];
    }
  }
  return count;
}

/** The session's binding constraints (their numbers) from its node up to the root, written from `start` on. */
function writePath(network: ConstraintNetwork, numberOf: Int32Array, node: number, mask: number, start: number, constraint: Int32Array, weight: Uint8Array): void {
  let at = start;
  for (let current = node; current >= 0; current = network.tree.parent[current]) {
    const first = current * CONSTRAINTS_PER_NODE;
    for (let slot = 0; slot < TOTAL_SLOT; slot++) {
      if (mask & (1 << slot) && numberOf[first + slot] >= 0) {
        constraint[at] = numberOf[first + slot];
        weight[at++] = 1;
      }
    }
    if (numberOf[first + TOTAL_SLOT] >= 0) {
      constraint[at] = numberOf[first + TOTAL_SLOT];
      weight[at++] = phaseCount(mask);
    }
  }
}

function members(constraintCount: number, pathStart: Int32Array, pathConstraint: Int32Array): { memberStart: Int32Array; member: Int32Array } {
  const memberStart = new Int32Array(constraintCount + 1);
  for (const constraint of pathConstraint) memberStart[constraint + 1]++;
  for (let constraint = 0; constraint < constraintCount; constraint++) memberStart[constraint + 1] += memberStart[constraint];
  const next = memberStart.slice(0, constraintCount);
  const member = new Int32Array(pathConstraint.length);
  for (let session = 0; session < pathStart.length - 1; session++) {
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) member[next[pathConstraint[at]]++] = session;
  }
  return { memberStart, member };
}
