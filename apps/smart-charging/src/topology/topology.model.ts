import type { LimitValue } from '../limits/effective-limit';

/** The kinds of node of a site's tree: the site root, groupings of the grid, chargers and their EVSEs. */
export const nodeKinds = ['site', 'feeder', 'cabinet', 'transformer', 'charger', 'evse'] as const;
export type NodeKind = (typeof nodeKinds)[number];

/** Kinds that group others between the site and its chargers, nested to any depth. */
export const groupKinds = ['feeder', 'cabinet', 'transformer'] as const;
export type GroupKind = (typeof groupKinds)[number];

export const gridPhases = ['L1', 'L2', 'L3'] as const;
export type GridPhase = (typeof gridPhases)[number];

export type PhaseCount = 1 | 3;

/** What a charger can draw: per phase, on how many phases. */
export interface Rating {
  maxA: number;
  phases: PhaseCount;
}

/** A node as the topology keeps it; fields of other kinds are null. */
export interface NodeRecord {
  nodeId: string;
  kind: NodeKind;
  /** Null for the site root only. */
  parentId: string | null;
  label: string | null;
  /** The node's own default limit. */
  limit: LimitValue | null;
  /** Charger: the station id (the station need not be known yet). */
  stationId: string | null;
  /** Charger: the grid phase each of its L1, L2, L3 is wired to (['L2','L3','L1'] is a rotated charger). */
  wiring: GridPhase[] | null;
  /** Charger: its rating. */
  rating: Rating | null;
  /** EVSE: its id on the station. */
  evseId: number | null;
  /** EVSE: below this current (default 6 A, IEC 61851) a session is paused, not starved. */
  minA: number | null;
  maxA: number | null;
  phases: PhaseCount | null;
  /** EVSE: a higher priority is served first (default 0). */
  priority: number | null;
}

/** A node with what the database adds: its version (optimistic concurrency) and times. */
export interface StoredNode extends NodeRecord {
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const emptyNodeFields = {
  label: null,
  limit: null,
  stationId: null,
  wiring: null,
  rating: null,
  evseId: null,
  minA: null,
  maxA: null,
  phases: null,
  priority: null,
} as const satisfies Partial<NodeRecord>;
