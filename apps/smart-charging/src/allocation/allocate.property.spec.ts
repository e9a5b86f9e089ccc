/**
 * ADR 013's allocation guarantees as fast-check properties over random sites (see
 * testing/allocation.arbitraries.ts). Each run prints its seed; replay one with
 * `FC_SEED=<seed> npx jest --selectProjects unit -- allocate.property`.
 *
 * Notation. x_s is the current of session s (A per phase), m_s its minimum, M_s its `maxA`, p_s
 * its priority. Every finite limit is a constraint c: Σ_s a_cs·x_s + F_c ≤ L_c, where a_cs = 1 if s
 * is below c's node and draws on c's phase, or (total-W limit, in phase-amperes L_c = W / V) the
 * number of phases s draws on; F_c is the fixed load on c. Slack_c = L_c − F_c − Σ a_cs·x_s.
 * c is saturated when Slack_c < τ_c, where τ_c is 1 mA per session on c, per fixed-load entry and
 * for the limit itself: the engine allocates whole mA (minima and fixed loads rounded up, limits
 * and maxima down), so a constraint it fills can keep up to that much unused.
 *
 * Effective maximum e_s (guarantee 5): M_s, unless s reports a draw d_s with d_s + margin < r_s,
 * where r_s is `offeredA` if given, else what s gets when every draw is ignored; then
 * e_s = min(M_s, max(m_s, d_s + margin)).
 *
 * 1. Limits: for every c carrying some session, Σ a_cs·x_s + F_c ≤ L_c (exactly: no rounding
 *    allowance). Fixed loads alone may exceed L_c; then every session on c gets 0.
 * 2. Bounds: x_s = 0 or m_s ≤ x_s ≤ M_s.
 * 3. Priority and max-min fairness (bottleneck characterisation, with floors):
 *    - a paused session (x_s = 0) did not fit: some c on its path has F_c + a_cs·m_s +
 *      Σ a_ct·m_t over sessions t admitted (x_t > 0) ahead of s in admission order (priority desc,
 *      urgency = need / time to departure desc, start asc, id asc) above L_c;
 *    - a session with 0 < x_s < e_s has a bottleneck: a saturated c on its path on which every
 *      other charging session t of the same priority has x_t ≤ x_s or sits at its own minimum
 *      (x_t = m_t: it could not give up anything without being paused), and every session of lower
 *      priority holds at most its minimum (higher ones are served first and are not compared).
 *    Among equal priorities this is max-min fairness: raising x_s would need lowering some x_t
 *    that is not larger than x_s, or pausing a session. (With a floor per session a max-min fair
 *    allocation is not unique over which sessions are paused; admission order decides that.)
 * 4. Work conservation: a session with 0 < x_s < e_s loads a saturated constraint; a paused one
 *    loads a constraint whose slack is below a_cs·m_s: no capacity stays idle that a session below
 *    its maximum could take, and no paused session's minimum would fit.
 * 5. Surplus: a session drawing clearly less than its reference (above) gets at most
 *    max(m_s, d_s + margin); what it leaves is not idle, by 3 and 4 evaluated with e_s (every other
 *    session below its effective maximum is blocked by a saturated constraint). Note it is NOT true
 *    that every other session gets at least as much as without the cap: the freed capacity raises
 *    the lowest sessions on the freed constraint, which can then take capacity elsewhere from a
 *    session that held more; max-min fairness improves the smallest, not everybody.
 * 6. Determinism: the same input in any order (nodes, sessions, fixed loads, the phases of a
 *    session) gives the same currents, loads and headrooms, and so does a second call.
 */
import fc from 'fast-check';
import { allocate } from './allocate';
import type { Allocation, AllocationInput } from './allocation.types';
import { allocationInput } from './testing/allocation.arbitraries';
import { type AllocationModel, effectiveMaxima, modelOf } from './testing/allocation-model';
import { boundViolations, fairnessViolations, limitViolations, surplusViolations, workConservationViolations } from './testing/guarantee-checks';
import { propertyParameters } from './testing/property-parameters';

interface Outcome {
  model: AllocationModel;
  currents: number[];
  /** What each session gets when all draws are ignored (the surplus rule's fallback reference). */
  uncapped: number[];
  maxima: number[];
}

function currentsOf(input: AllocationInput, allocation: Allocation): number[] {
  return input.sessions.map((session) => allocation.currents.get(session.id) ?? Number.NaN);
}

function outcome(input: AllocationInput): Outcome {
  const model = modelOf(input);
  const withoutDraws = { ...input, sessions: input.sessions.map(({ drawnA: _drawn, ...session }) => session) };
  const uncapped = currentsOf(input, allocate(withoutDraws));
  return { model, currents: currentsOf(input, allocate(input)), uncapped, maxima: effectiveMaxima(model, uncapped) };
}

function shuffled<T>(values: readonly T[], order: readonly number[]): T[] {
  return values.map((value, index) => ({ value, key: order[index % Math.max(1, order.length)] ?? 0 })).sort((a, b) => a.key - b.key).map(({ value }) => value);
}

/** The same input, every list in another order. */
function reordered(input: AllocationInput, order: readonly number[]): AllocationInput {
  const sessions = shuffled(input.sessions, order).map((session) => ({ ...session, gridPhases: shuffled(session.gridPhases, order.slice(1)) }));
  return { ...input, nodes: shuffled(input.nodes, order.slice(2)), sessions, fixedLoads: shuffled(input.fixedLoads ?? [], order.slice(3)) };
}

function snapshot(allocation: Allocation): unknown {
  const sorted = <V>(map: ReadonlyMap<string, V>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return { currents: sorted(allocation.currents), nodeLoad: sorted(allocation.nodeLoad), headroom: sorted(allocation.headroom) };
}

function determinismViolations(input: AllocationInput, order: readonly number[]): string[] {
  const expected = snapshot(allocate(input));
  const again = snapshot(allocate(input));
  const other = snapshot(allocate(reordered(input, order)));
  const problems: string[] = [];
  if (JSON.stringify(again) !== JSON.stringify(expected)) problems.push('a second call answers differently');
  if (JSON.stringify(other) !== JSON.stringify(expected)) problems.push(`reordered input answers differently: ${JSON.stringify(other)} vs ${JSON.stringify(expected)}`);
  return problems;
}

const order = fc.array(fc.nat(), { minLength: 4, maxLength: 30 });

function check(name: string, numRuns: number, violations: (input: AllocationInput, order: readonly number[]) => string[]): void {
  it(name, () => {
    fc.assert(
      fc.property(allocationInput, order, (input, permutation) => {
        expect(violations(input, permutation)).toEqual([]);
      }),
      propertyParameters(name, numRuns),
    );
  });
}

describe('allocate: guarantees of ADR 013 on random sites', () => {
  check('1. no node limit is exceeded on any phase nor in total W', 1000, (input) => {
    const { model, currents } = outcome(input);
    return limitViolations(model, currents);
  });

  check('2. a session gets 0 or between its minimum and maximum', 1000, (input) => {
    const { model, currents } = outcome(input);
    return boundViolations(model, currents);
  });

  check('3. higher priority first, max-min fair among equal priority', 1000, (input) => {
    const { model, currents, maxima } = outcome(input);
    return fairnessViolations(model, currents, maxima);
  });

  check('4. work-conserving: every session below its maximum is blocked', 1000, (input) => {
    const { model, currents, maxima } = outcome(input);
    return workConservationViolations(model, currents, maxima);
  });

  check('5. a session drawing less is capped at its draw plus the margin, and the surplus is used', 1000, (input) => {
    const { model, currents, uncapped, maxima } = outcome(input);
    return [...surplusViolations(model, currents, uncapped), ...workConservationViolations(model, currents, maxima)];
  });

  check('6. deterministic whatever the order of the input', 1000, determinismViolations);

  check('all guarantees together', 5000, (input, permutation) => {
    const { model, currents, uncapped, maxima } = outcome(input);
    return [
      ...limitViolations(model, currents),
      ...boundViolations(model, currents),
      ...fairnessViolations(model, currents, maxima),
      ...workConservationViolations(model, currents, maxima),
      ...surplusViolations(model, currents, uncapped),
      ...determinismViolations(input, permutation),
    ];
  });
});
