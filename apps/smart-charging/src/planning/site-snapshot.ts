import type { GridPhase, Limit, LimitSchedule } from '../allocation';

export interface SiteNode {
  id: string;
  parentId?: string;
  /** The node's own default limit (topology), besides its sources' schedules. */
  ownLimit?: Limit;
}

export interface SiteCharger {
  nodeId: string;
  stationId: string;
  /** The grid phase of the station's L1, L2 and L3. */
  wiring: readonly [GridPhase, GridPhase, GridPhase];
  /** Amperes per phase. */
  ratingA: number;
  phases: 1 | 3;
}

export interface SiteEvse {
  nodeId: string;
  chargerNodeId: string;
  stationId: string;
  evseId: number;
  minA: number;
  maxA: number;
  phases: 1 | 3;
  priority: number;
}

/** What planning needs of a site, read from its topology and limit schedules at one moment. */
export interface SiteSnapshot {
  siteId: string;
  /** The site's tenant; undefined: none. Profiles go only to stations it holds (tenancy/tenant-dispatch.filter.ts). */
  tenant?: string;
  nodes: readonly SiteNode[];
  /** Per node id: every source's schedule on it. */
  schedules: ReadonlyMap<string, readonly LimitSchedule[]>;
  chargers: readonly SiteCharger[];
  evses: readonly SiteEvse[];
}

/** The grid phases a draw on the station's first `count` phases lands on. */
export function gridPhasesOf(charger: Pick<SiteCharger, 'wiring'>, count: number): GridPhase[] {
  return charger.wiring.slice(0, Math.max(1, Math.min(3, count)));
}
