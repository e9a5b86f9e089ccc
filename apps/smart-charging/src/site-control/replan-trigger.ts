import type { StationFact } from '../sessions/station-fact';

/** A change of draw smaller than this does not re-plan a site (meter noise, an EV easing off). */
export const DRAW_CHANGE_A = 2;

/**
 * Whether a fact changes what the site's stations should hold: anything about connectivity,
 * sessions and EV needs; a draw only when it moved by `DRAW_CHANGE_A` since the site was last
 * planned (then the surplus, or an over-draw, is worth acting on).
 */
export function replansSite(fact: StationFact, drawnAtLastPlan: number | undefined): boolean {
  if (fact.kind !== 'current-drawn') return true;
  const drawn = Math.max(fact.perPhaseA.L1 ?? 0, fact.perPhaseA.L2 ?? 0, fact.perPhaseA.L3 ?? 0);
  return drawnAtLastPlan === undefined || Math.abs(drawn - drawnAtLastPlan) >= DRAW_CHANGE_A;
}
