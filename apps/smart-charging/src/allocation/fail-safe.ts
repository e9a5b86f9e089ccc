import { AllocationInputError, AllocationInputErrorCode, checkedCurrent } from './allocation-input.error';
import { type AllocationNode, DEFAULT_MIN_A, DEFAULT_VOLTAGE, type FixedLoad, type GridPhase } from './allocation.types';
import { CONSTRAINTS_PER_NODE, type ConstraintNetwork, TOTAL_SLOT, buildNetwork } from './constraint-network';
import { milliampsAtLeast, milliampsAtMost } from './milliamps';
import { phaseCount, phaseMask } from './grid-phases';

export interface FailSafeEvse {
  nodeId: string;
  /**
   * The grid phases it may draw on whatever EV plugs in: all three for a 3-phase EVSE (the worst
   * case), the one it is wired to for a single-phase EVSE.
   */
  gridPhases: readonly GridPhase[];
  /** Below this a share is 0 (default `DEFAULT_MIN_A`). */
  minA?: number;
  /** Its rating: no share is above it. */
  maxA: number;
}

export interface FailSafeCharger {
  nodeId: string;
  /** The grid phases its rating applies to (its wired phases). */
  gridPhases: readonly GridPhase[];
  ratingA: number;
}

export interface FailSafeInput {
  /** The tree, each node with the lowest limit over the time the fail-safe may stand (`lowestLimit`). */
  nodes: readonly AllocationNode[];
  evses: readonly FailSafeEvse[];
  chargers?: readonly FailSafeCharger[];
  /** Unmanaged loads that stay whatever the stations do. */
  fixedLoads?: readonly FixedLoad[];
  voltage?: number;
}

export interface FailSafe {
  /** Per EVSE node id: A per phase for its TxDefaultProfile; 0 when the equal share is below its minimum. */
  evseShares: Map<string, number>;
  /** Per charger node id: A per phase for its ChargingStationMax/ChargePointMax guard. */
  chargerGuards: Map<string, number>;
}

interface Member {
  node: number;
  mask: number;
}

/**
 * What every EVSE may draw when nobody is watching (ADR 013, dispatch): if every EVSE of the site
 * drew its share at once on its phases, every node's limit would hold on every phase and in total
 * W. Each node's capacity left by fixed loads is split equally among the EVSEs below it drawing on
 * that phase (per phase; per phase-weighted EVSE for total W); an EVSE gets the least of its
 * ancestors' splits, capped at its rating. So a node's EVSEs together draw at most its capacity.
 * A share below the EVSE's minimum is 0 (the EV pauses; what it leaves is not given to others, which
 * keeps every share independent of which EVSEs are paused). Rounded down to the mA.
 *
 * Per charger, the same with chargers in place of EVSEs: its guard is its rating capped by what
 * the nodes above it allow if all their chargers drew equally.
 */
export function failSafe(input: FailSafeInput): FailSafe {
  const network = buildNetwork(input.nodes, input.fixedLoads ?? [], input.voltage ?? DEFAULT_VOLTAGE);
  const evses = input.evses.map((evse) => member(network, evse.nodeId, evse.gridPhases));
  const evseShares = new Map<string, number>();
  equalShares(network, evses).forEach((share, index) => {
    const { nodeId, minA, maxA } = input.evses[index];
    const capped = Math.min(share, milliampsAtMost(checkedCurrent(`EVSE ${nodeId}`, maxA)));
    evseShares.set(nodeId, capped < milliampsAtLeast(checkedCurrent(`EVSE ${nodeId}`, minA ?? DEFAULT_MIN_A)) ? 0 : capped / 1000);
  });
  const chargers = input.chargers ?? [];
  const chargerGuards = new Map<string, number>();
  const guards = equalShares(network, chargers.map((charger) => member(network, charger.nodeId, charger.gridPhases)));
  guards.forEach((share, index) => {
    const { nodeId, ratingA } = chargers[index];
    chargerGuards.set(nodeId, Math.min(share, milliampsAtMost(checkedCurrent(`charger ${nodeId}`, ratingA))) / 1000);
  });
  return { evseShares, chargerGuards };
}

function member(network: ConstraintNetwork, nodeId: string, gridPhases: readonly GridPhase[]): Member {
  const node = network.tree.indexOf.get(nodeId);
  if (node === undefined) throw new AllocationInputError(AllocationInputErrorCode.unknownNode, `fail-safe for unknown node ${nodeId}`);
  return { node, mask: phaseMask(gridPhases, `node ${nodeId}`) };
}

/** Per member, mA: the least over its node and ancestors of (capacity − fixed) / weight of members below. */
function equalShares(network: ConstraintNetwork, members: readonly Member[]): number[] {
  const weight = new Float64Array(network.capacity.length);
  for (const { node, mask } of members) {
    for (let slot = 0; slot < TOTAL_SLOT; slot++) if (mask & (1 << slot)) weight[node * CONSTRAINTS_PER_NODE + slot] += 1;
    weight[node * CONSTRAINTS_PER_NODE + TOTAL_SLOT] += phaseCount(mask);
  }
  const { parent, bottomUp } = network.tree;
  for (const node of bottomUp) {
    if (parent[node] < 0) continue;
    for (let slot = 0; slot < CONSTRAINTS_PER_NODE; slot++) weight[parent[node] * CONSTRAINTS_PER_NODE + slot] += weight[node * CONSTRAINTS_PER_NODE + slot];
  }
  const split = (constraint: number) => Math.floor((network.capacity[constraint] - network.fixed[constraint]) / weight[constraint]);
  return members.map(({ node, mask }) => {
    let share = Number.POSITIVE_INFINITY;
    for (let at = node; at >= 0; at = parent[at]) {
      const first = at * CONSTRAINTS_PER_NODE;
      for (let slot = 0; slot < TOTAL_SLOT; slot++) if (mask & (1 << slot)) share = Math.min(share, split(first + slot));
      share = Math.min(share, split(first + TOTAL_SLOT));
    }
    return Math.max(0, share);
  });
}
