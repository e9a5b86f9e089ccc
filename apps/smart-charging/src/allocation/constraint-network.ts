import { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';
import { type AllocationNode, type FixedLoad, GRID_PHASES, type Limit } from './allocation.types';
import { milliampsAtLeast, milliampsAtMost } from './milliamps';
import { type NodeTree, indexTree } from './node-tree';

/** Constraints per node: its L1, L2 and L3 limits, then its total-W limit. */
export const CONSTRAINTS_PER_NODE = 4;
/** Slot of the total-W constraint: counted in phase-milliamperes (W / V × 1000), so a session on k phases at i mA weighs k × i. */
export const TOTAL_SLOT = 3;

/**
 * Every limit of a tree as a linear constraint `Σ weight × current ≤ capacity`, in mA. Constraint
 * `4 × node + slot` is the node's phase L1, L2, L3 (slot 0-2) or total W (slot 3).
 */
export interface ConstraintNetwork {
  readonly tree: NodeTree;
  readonly voltage: number;
  /** Capacity per constraint in mA, `Infinity` where unlimited. */
  readonly capacity: Float64Array;
  /** Fixed loads on each constraint (their node's and every descendant's), mA rounded up. */
  readonly fixed: Float64Array;
}

export function buildNetwork(nodes: readonly AllocationNode[], fixedLoads: readonly FixedLoad[], voltage: number): ConstraintNetwork {
  if (!(voltage > 0) || !Number.isFinite(voltage)) throw new AllocationInputError(AllocationInputErrorCode.invalidVoltage, `voltage ${voltage} is not a positive number`);
  const tree = indexTree(nodes);
  const capacity = new Float64Array(nodes.length * CONSTRAINTS_PER_NODE).fill(Number.POSITIVE_INFINITY);
  for (let index = 0; index < nodes.length; index++) setCapacity(capacity, index * CONSTRAINTS_PER_NODE, nodes[index], voltage);
  return { tree, voltage, capacity, fixed: fixedUsage(tree, fixedLoads) };
}

function setCapacity(capacity: Float64Array, first: number, node: AllocationNode, voltage: number): void {
  const limit: Limit = node.limit ?? {};
  const perPhase = limit.perPhaseA;
  if (perPhase) for (let slot = 0; slot < TOTAL_SLOT; slot++) capacity[first + slot] = milliampsAtMost(checked(perPhase[slot], node.id));
  if (limit.totalW !== undefined) capacity[first + TOTAL_SLOT] = milliampsAtMost(checked(limit.totalW, node.id) / voltage);
}

function checked(value: number, nodeId: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new AllocationInputError(AllocationInputErrorCode.invalidLimit, `node ${nodeId} has a limit that is not a number`);
  return value;
}

/** Fixed loads added where they hang, then summed up the tree (children before parents). */
function fixedUsage(tree: NodeTree, fixedLoads: readonly FixedLoad[]): Float64Array {
  const fixed = new Float64Array(tree.ids.length * CONSTRAINTS_PER_NODE);
  for (const load of fixedLoads) {
    const node = tree.indexOf.get(load.nodeId);
    if (node === undefined) throw new AllocationInputError(AllocationInputErrorCode.unknownNode, `fixed load on unknown node ${load.nodeId}`);
    GRID_PHASES.forEach((_, slot) => {
      const amperes = load.perPhaseA[slot];
      if (!(amperes >= 0) || !Number.isFinite(amperes)) throw new AllocationInputError(AllocationInputErrorCode.invalidCurrent, `fixed load on ${load.nodeId} is not a finite current ≥ 0`);
      const milli = milliampsAtLeast(amperes);
      fixed[node * CONSTRAINTS_PER_NODE + slot] += milli;
      fixed[node * CONSTRAINTS_PER_NODE + TOTAL_SLOT] += milli;
    });
  }
  for (const node of tree.bottomUp) {
    const parent = tree.parent[node];
    if (parent < 0) continue;
    for (let slot = 0; slot < CONSTRAINTS_PER_NODE; slot++) fixed[parent * CONSTRAINTS_PER_NODE + slot] += fixed[node * CONSTRAINTS_PER_NODE + slot];
  }
  return fixed;
}
