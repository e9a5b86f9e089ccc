import { z } from 'zod';

// The shape of a limit, shared by node defaults (topology/) and limit schedules: per grid phase
// in A and/or a total in W. The upper bounds only catch unit mistakes (kW sent as W, mA as A).

export const MAX_PHASE_A = 100_000;
export const MAX_TOTAL_W = 10_000_000_000;

const amperes = z.number().min(0, 'must not be negative').max(MAX_PHASE_A, `must be at most ${MAX_PHASE_A} A (amperes per phase)`);
const watts = z.number().min(0, 'must not be negative').max(MAX_TOTAL_W, `must be at most ${MAX_TOTAL_W} W (watts, not kW)`);

export const perPhaseASchema = z
  .tuple([amperes, amperes, amperes])
  .meta({ description: 'Per grid phase L1, L2, L3, in A.', example: [125, 125, 125] });

export const totalWSchema = watts.meta({ description: 'Total over all phases, in W.', example: 86_000 });

/** Whether a limit says anything: a slot or limit needs a per-phase or a total value. */
export function hasLimitValue(limit: { perPhaseA?: unknown; totalW?: unknown }): boolean {
  return limit.perPhaseA !== undefined || limit.totalW !== undefined;
}

export const limitValueSchema = z
  .strictObject({ perPhaseA: perPhaseASchema.optional(), totalW: totalWSchema.optional() })
  .refine(hasLimitValue, 'needs perPhaseA or totalW (or both)')
  .meta({ description: 'A limit per grid phase (A) and/or in total (W); a missing part is unlimited.' });
