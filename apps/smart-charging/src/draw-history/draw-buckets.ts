import type { PhaseTriple } from '../allocation';

/** One point of a node's history: a sample, or the samples of one time bucket folded together (in SQL, draw-sample.repository.ts). */
export interface DrawPoint {
  /** The sample's time, or the start of its bucket (epoch ms). */
  at: number;
  limitA?: PhaseTriple;
  limitW?: number;
  allocatedA: PhaseTriple;
  allocatedW: number;
  drawnA: PhaseTriple;
  /** How many samples it stands for. */
  samples: number;
}

export interface DrawPoints {
  points: DrawPoint[];
  /** The width of a bucket (ms) when the samples were folded, else undefined. */
  bucketMs?: number;
}

/** The most points one site-wide read may answer (nodes × maxPoints): keeps a site of hundreds of nodes from building a response of millions of points. */
export const MAX_SITE_POINTS = 50_000;

/**
 * The width of the equal buckets that fold [from, to) into at most `maxPoints` (whole ms, at least 1):
 * bucket i starts at from + i × width, so the last one ends at or after `to`.
 */
export function bucketMsOf(from: number, to: number, maxPoints: number): number {
  return Math.max(1, Math.ceil((to - from) / maxPoints));
}

export type SiteMaxPoints = { ok: true; maxPoints: number } | { ok: false; detail: string };

/**
 * The points per node of a site-wide read: the asked `maxPoints` when nodes × maxPoints stays within
 * MAX_SITE_POINTS (else refused, naming the most it may ask); without one, the default lowered to fit.
 */
export function siteMaxPoints(nodeCount: number, asked: number | undefined, defaultMaxPoints: number): SiteMaxPoints {
  const fitting = Math.floor(MAX_SITE_POINTS / Math.max(1, nodeCount));
  if (asked === undefined) {
    if (fitting >= 1) return { ok: true, maxPoints: Math.min(defaultMaxPoints, fitting) };
    return { ok: false, detail: `the site has ${nodeCount} nodes: more than ${MAX_SITE_POINTS} points at one point per node; read its nodes one at a time` };
  }
  if (asked * nodeCount <= MAX_SITE_POINTS) return { ok: true, maxPoints: asked };
  const hint = fitting >= 1 ? `ask for maxPoints=${fitting} or fewer` : 'read its nodes one at a time';
  return { ok: false, detail: `the site has ${nodeCount} nodes: ${nodeCount} × maxPoints ${asked} = ${nodeCount * asked} points, more than ${MAX_SITE_POINTS}; ${hint}` };
}
