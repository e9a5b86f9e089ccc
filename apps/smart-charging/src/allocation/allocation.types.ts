/**
 * The plain data the allocation engine works on (ADR 013). Currents are amperes per phase, powers
 * watts; a phase a limit does not name is unlimited (`Number.POSITIVE_INFINITY` in a triple).
 */

export type GridPhase = 'L1' | 'L2' | 'L3';

export const GRID_PHASES: readonly GridPhase[] = ['L1', 'L2', 'L3'];

/** One value per grid phase, in the order L1, L2, L3. */
export type PhaseTriple = [number, number, number];

/** IEC 61851: below 6 A an EV is paused, not charged. */
export const DEFAULT_MIN_A = 6;
/** Nominal phase-to-neutral voltage that converts watts to amperes. */
export const DEFAULT_VOLTAGE = 230;
/** How far above its measured draw a session that draws less than it was offered keeps its cap. */
export const DEFAULT_SURPLUS_MARGIN_A = 1;

/** A node's limit: per grid phase in A and/or in total W; what is missing is unlimited. */
export interface Limit {
  perPhaseA?: PhaseTriple;
  totalW?: number;
}

/** A node of a site's tree: the root (no parent), feeders, cabinets, chargers, EVSEs, to any depth. */
export interface AllocationNode {
  id: string;
  parentId?: string;
  /** The node's effective limit at the allocation instant (see `effectiveLimit`). */
  limit?: Limit;
}

/**
 * Unmanaged draw: an offline charger at its full rating on its wired phases, a station's excess
 * above its allocation. It counts against the node it hangs off and all that node's ancestors.
 */
export interface FixedLoad {
  nodeId: string;
  perPhaseA: PhaseTriple;
}

export interface AllocationSession {
  id: string;
  /** The EVSE node the session hangs off. */
  nodeId: string;
  /** The grid phases it draws on, after the charger's wiring: 1 to 3 distinct phases. */
  gridPhases: readonly GridPhase[];
  /** The least current it may be given other than 0 (default `DEFAULT_MIN_A`). */
  minA?: number;
  maxA: number;
  /** Higher is served first (default 0). */
  priority?: number;
  /** Measured current per phase (the largest of its phases), for the surplus rule. */
  drawnA?: number;
  /** The limit the station held for this session when `drawnA` was measured (what dispatch sent), if known: the surplus rule's reference. */
  offeredA?: number;
  /** Energy still wanted (2.0.1 NotifyEVChargingNeeds), with `departure` gives its urgency. */
  needWh?: number;
  /** Expected departure, epoch ms. */
  departure?: number;
  /** Epoch ms; earlier starts are admitted first among otherwise equal sessions. */
  startedAt?: number;
}

export interface AllocationInput {
  nodes: readonly AllocationNode[];
  sessions: readonly AllocationSession[];
  fixedLoads?: readonly FixedLoad[];
  /** Phase voltage converting W to A (default `DEFAULT_VOLTAGE`). */
  voltage?: number;
  /** The allocation instant, epoch ms (urgency is measured from it). */
  now: number;
  /** Margin above the measured draw for sessions that draw less than offered (default `DEFAULT_SURPLUS_MARGIN_A`). */
  surplusMarginA?: number;
}

/** What flows through a node, or what is left under its limit (`Infinity` where unlimited, negative when overloaded). */
export interface NodeLoad {
  perPhaseA: PhaseTriple;
  totalW: number;
}

export interface Allocation {
  /** Per session id: the current per phase on each of its phases, 0 or within [minA, maxA]. */
  currents: Map<string, number>;
  /** Per node id: sessions and fixed loads of its subtree (computed when read). */
  nodeLoad: ReadonlyMap<string, NodeLoad>;
  /** Per node id: its limit minus its load (computed when read). */
  headroom: ReadonlyMap<string, NodeLoad>;
}
