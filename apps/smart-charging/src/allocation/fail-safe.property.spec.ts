/**
 * The fail-safe's guarantee as a fast-check property over random sites (seed printed; replay with
 * `FC_SEED=<seed> npx jest --selectProjects unit -- fail-safe.property`): if every EVSE drew its
 * share at once on its phases, with the fixed loads, no node's limit would be exceeded, on any phase
 * or in total W; the same for every charger at its guard. Shares are 0 or within [minimum, rating],
 * and equal a plain recomputation of the equal split (so they are not needlessly small).
 */
import fc from 'fast-check';
import type { AllocationInput, AllocationSession } from './allocation.types';
import { DEFAULT_MIN_A } from './allocation.types';
import { type FailSafeInput, failSafe } from './fail-safe';
import { failSafeInput, now } from './testing/allocation.arbitraries';
import { type LimitConstraint, modelOf } from './testing/allocation-model';
import { boundViolations, limitViolations } from './testing/guarantee-checks';
import { propertyParameters } from './testing/property-parameters';

/** The site with one session per EVSE (or charger), drawing `current` on its phases. */
function drawing(input: FailSafeInput, members: readonly { nodeId: string; gridPhases: AllocationSession['gridPhases']; minA?: number; maxA: number }[]): AllocationInput {
  const sessions = members.map(({ nodeId, gridPhases, minA, maxA }) => ({ id: nodeId, nodeId, gridPhases, minA: minA ?? DEFAULT_MIN_A, maxA }));
  return { nodes: input.nodes, sessions, fixedLoads: input.fixedLoads, voltage: input.voltage, now };
}

/** Equal split recomputed plainly: per constraint above, (limit − fixed) / Σ weights; the least; to the mA. */
function expectedShares(constraints: LimitConstraint[], count: number): number[] {
  return Array.from({ length: count }, (_, index) => {
    const splits = constraints.filter((constraint) => constraint.weight[index] > 0).map((constraint) => (constraint.limit - constraint.fixed) / constraint.weight.reduce((sum, weight) => sum + weight, 0));
    return Math.max(0, Math.min(Number.POSITIVE_INFINITY, ...splits));
  });
}

describe('failSafe on random sites', () => {
  it('holds every limit if every EVSE, or every charger, drew its share at once', () => {
    fc.assert(
      fc.property(failSafeInput, (input) => {
        const { evseShares, chargerGuards } = failSafe(input);
        const evseSite = modelOf(drawing(input, input.evses));
        const shares = input.evses.map((evse) => evseShares.get(evse.nodeId) ?? Number.NaN);
        const chargers = (input.chargers ?? []).map(({ nodeId, gridPhases, ratingA }) => ({ nodeId, gridPhases, minA: 0, maxA: ratingA }));
        const chargerSite = modelOf(drawing(input, chargers));
        const guards = chargers.map((charger) => chargerGuards.get(charger.nodeId) ?? Number.NaN);
        expect([...limitViolations(evseSite, shares), ...boundViolations(evseSite, shares), ...limitViolations(chargerSite, guards), ...boundViolations(chargerSite, guards)]).toEqual([]);
        const split = expectedShares(evseSite.constraints, shares.length);
        const mismatches = input.evses.flatMap((evse, index) => {
          const capped = Math.min(evse.maxA, split[index]);
          const minimum = evse.minA ?? DEFAULT_MIN_A;
          const expected = capped < minimum ? 0 : capped;
          const borderline = Math.abs(capped - minimum) <= 0.002;
          return borderline || Math.abs(shares[index] - expected) <= 0.002 ? [] : [`${evse.nodeId} gets ${shares[index]} A, the equal split is ${expected} A`];
        });
        expect(mismatches).toEqual([]);
      }),
      propertyParameters('fail-safe holds every limit', 1000),
    );
  });
});
