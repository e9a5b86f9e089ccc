import { type AllocationModel, type LimitConstraint, admissionRanks, sessionsPart, slack } from './allocation-model';

/**
 * ADR 013's guarantees as checks over an input and the engine's answer: each returns what it
 * found wrong, in words (empty when the guarantee holds), so that a failing property prints it
 * next to fast-check's seed and shrunk counterexample. Definitions are in allocate.property.spec.ts.
 */

/** One mA of rounding (the engine allocates whole mA, minima rounded up, maxima down). */
const currentTolerance = 0.001 + 1e-9;
/** Floating-point noise of summing currents in the test. */
const sumNoise = 1e-9;

const on = (constraint: LimitConstraint, session: number) => constraint.weight[session] > 0;
const saturated = (constraint: LimitConstraint, currents: readonly number[]) => slack(constraint, currents) < constraint.tolerance;

/** 1. No limit is exceeded by the sessions (fixed loads alone may exceed one: then its sessions get 0). */
export function limitViolations(model: AllocationModel, currents: readonly number[]): string[] {
  return model.constraints
    .filter((constraint) => {
      const sessions = sessionsPart(constraint, currents);
      return sessions > 0 && constraint.fixed + sessions > constraint.limit + sumNoise;
    })
    .map((constraint) => `${constraint.label} carries ${constraint.fixed + sessionsPart(constraint, currents)} A`);
}

/** 2. Every current is 0 or within [minimum, maxA]. */
export function boundViolations(model: AllocationModel, currents: readonly number[]): string[] {
  return model.sessions.flatMap((session, index) => {
    const current = currents[index];
    if (current === 0) return [];
    const within = current >= model.minimum[index] - sumNoise && current <= session.maxA + sumNoise;
    return within ? [] : [`${session.id} gets ${current} A outside 0 ∪ [${model.minimum[index]}, ${session.maxA}]`];
  });
}

/**
 * 3. Priority then max-min fairness. A paused session did not fit at its minimum alongside the
 * minimums of the sessions admitted before it. A session below its effective maximum has a
 * bottleneck: a saturated constraint on which no session of its priority holds more than it (except
 * at that session's own minimum) and no lower-priority session holds more than its minimum.
 */
export function fairnessViolations(model: AllocationModel, currents: readonly number[], maxima: readonly number[]): string[] {
  const rank = admissionRanks(model);
  return model.sessions.flatMap((session, index) => {
    const current = currents[index];
    if (current === 0) {
      const blocked = model.constraints.some((constraint) => on(constraint, index) && admittedBefore(model, constraint, currents, rank, index) > constraint.limit - constraint.tolerance);
      return blocked ? [] : [`${session.id} is paused although its minimum fits after the sessions admitted before it`];
    }
    if (current >= maxima[index] - currentTolerance) return [];
    const bottleneck = model.constraints.some((constraint) => on(constraint, index) && saturated(constraint, currents) && isBottleneckFor(model, constraint, currents, index));
    return bottleneck ? [] : [`${session.id} at ${current} A (effective maximum ${maxima[index]} A) has no bottleneck`];
  });
}

/** Fixed loads plus the minimums of the admitted sessions ranked before `index`, plus its own minimum. */
function admittedBefore(model: AllocationModel, constraint: LimitConstraint, currents: readonly number[], rank: readonly number[], index: number): number {
  let load = constraint.fixed + constraint.weight[index] * model.minimum[index];
  constraint.weight.forEach((weight, other) => {
    if (weight > 0 && currents[other] > 0 && rank[other] < rank[index]) load += weight * model.minimum[other];
  });
  return load;
}

function isBottleneckFor(model: AllocationModel, constraint: LimitConstraint, currents: readonly number[], index: number): boolean {
  const { priority, minimum } = model;
  return constraint.weight.every((weight, other) => {
    if (weight === 0 || other === index || currents[other] === 0 || priority[other] > priority[index]) return true;
    if (priority[other] < priority[index]) return currents[other] <= minimum[other] + constraint.tolerance;
    return currents[other] <= currents[index] + currentTolerance || currents[other] <= minimum[other] + currentTolerance;
  });
}

/**
 * 4. Work conservation: no capacity is left idle that a session could take. A session below its
 * effective maximum loads a saturated constraint; a paused one loads a constraint with less room
 * left than its minimum needs.
 */
export function workConservationViolations(model: AllocationModel, currents: readonly number[], maxima: readonly number[]): string[] {
  return model.sessions.flatMap((session, index) => {
    const current = currents[index];
    if (current === 0) {
      const full = model.constraints.some((constraint) => on(constraint, index) && slack(constraint, currents) < constraint.weight[index] * model.minimum[index] + constraint.tolerance);
      return full ? [] : [`${session.id} is paused although its minimum fits in what is left`];
    }
    if (current >= maxima[index] - currentTolerance) return [];
    return model.constraints.some((constraint) => on(constraint, index) && saturated(constraint, currents)) ? [] : [`${session.id} at ${current} A could take more`];
  });
}

/** 5. A session drawing clearly less than its reference gets at most its draw plus the margin. */
export function surplusViolations(model: AllocationModel, currents: readonly number[], uncapped: readonly number[]): string[] {
  return model.sessions.flatMap((session, index) => {
    const { drawnA, offeredA } = session;
    if (drawnA === undefined || !(drawnA + model.margin < (offeredA ?? uncapped[index]))) return [];
    const cap = Math.max(model.minimum[index], drawnA + model.margin);
    return currents[index] <= cap + currentTolerance ? [] : [`${session.id} draws ${drawnA} A but gets ${currents[index]} A above ${cap} A`];
  });
}
