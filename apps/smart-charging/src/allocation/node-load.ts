import type { Allocation, AllocationInput, NodeLoad, PhaseTriple } from './allocation.types';
import { CONSTRAINTS_PER_NODE, type ConstraintNetwork, TOTAL_SLOT } from './constraint-network';
import { LazyNodeMap } from './lazy-node.map';
import type { SessionTable } from './session-table';

/**
 * The engine's answer from the session values (mA): currents in A, and each node's load and
 * headroom, computed when read.
 */
export function describeAllocation(input: AllocationInput, network: ConstraintNetwork, table: SessionTable, value: Float64Array): Allocation {
  const currents = new Map<string, number>();
  for (let index = 0; index < table.count; index++) currents.set(input.sessions[index].id, value[index] / 1000);
  let computed: Float64Array | undefined;
  const loadOf = (node: number): NodeLoad => {
    const load = (computed ??= loadPerConstraint(network, table, value));
    const first = node * CONSTRAINTS_PER_NODE;
    return { perPhaseA: [load[first] / 1000, load[first + 1] / 1000, load[first + 2] / 1000], totalW: (load[first + TOTAL_SLOT] / 1000) * network.voltage };
  };
  const headroomOf = (node: number): NodeLoad => {
    const { perPhaseA, totalW } = loadOf(node);
    const limit = input.nodes[node].limit;
    const phaseLimit = (slot: number) => limit?.perPhaseA?.[slot] ?? Number.POSITIVE_INFINITY;
    const headroom: PhaseTriple = [phaseLimit(0) - perPhaseA[0], phaseLimit(1) - perPhaseA[1], phaseLimit(2) - perPhaseA[2]];
    return { perPhaseA: headroom, totalW: (limit?.totalW ?? Number.POSITIVE_INFINITY) - totalW };
  };
  return { currents, nodeLoad: new LazyNodeMap(network.tree, loadOf), headroom: new LazyNodeMap(network.tree, headroomOf) };
}

/** mA on every constraint of every node, limited or not: sessions summed up the tree, plus fixed loads. */
function loadPerConstraint(network: ConstraintNetwork, table: SessionTable, value: Float64Array): Float64Array {
  const load = new Float64Array(network.capacity.length);
  for (let session = 0; session < table.count; session++) {
    const current = value[session];
    if (current === 0) continue;
    const first = table.node[session] * CONSTRAINTS_PER_NODE;
    const phases = table.phases[session];
    for (let slot = 0; slot < TOTAL_SLOT; slot++) {
      if (phases & (1 << slot)) {
        load[first + slot] += current;
        load[first + TOTAL_SLOT] += current;
      }
    }
  }
  const { parent, bottomUp } = network.tree;
  for (const node of bottomUp) {
    if (parent[node] < 0) continue;
    for (let slot = 0; slot < CONSTRAINTS_PER_NODE; slot++) load[parent[node] * CONSTRAINTS_PER_NODE + slot] += load[node * CONSTRAINTS_PER_NODE + slot];
  }
  for (let constraint = 0; constraint < load.length; constraint++) load[constraint] += network.fixed[constraint];
  return load;
}
