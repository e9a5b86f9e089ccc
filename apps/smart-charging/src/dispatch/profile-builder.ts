import { type ChargingCapabilities, rateUnitFor } from './charging-capabilities';
import type { PlannedLimit, PlannedProfile, ProfilePurpose, ProfileRequest } from './planned-profile';

export const NOMINAL_VOLTAGE = 230;

/**
 * Profile ids are stable per purpose and EVSE, in a range of their own: a new profile replaces
 * the one this service sent before (same id), and never collides with an operator's ids.
 */
const ID_BASE: Readonly<Record<ProfilePurpose, number>> = { 'station-max': 9_100_000, 'tx-default': 9_101_000, tx: 9_102_000 };

export function profileIdOf(purpose: ProfilePurpose, evseId: number): number {
  return ID_BASE[purpose] + evseId;
}

/** Whether an id lies in the range this service's profiles use (one thousand EVSEs per purpose). */
export function isOwnProfileIdRange(id: number): boolean {
  return id >= ID_BASE['station-max'] && id < ID_BASE.tx + 1000;
}

/** Rounded down to a tenth (1.6 requires multiples of 0.1; 2.0.1 at most one decimal): never above the allocation. */
export function tenthsDown(value: number): number {
  return Math.max(0, Math.floor(value * 10 + 1e-6) / 10);
}

function limitIn(unit: 'A' | 'W', amps: number, phases: number): number {
  return unit === 'A' ? tenthsDown(amps) : Math.max(0, Math.floor(amps * phases * NOMINAL_VOLTAGE));
}

/** Consecutive steps with the same limit are one period. */
function merged(timeline: readonly PlannedLimit[]): PlannedLimit[] {
  const steps: PlannedLimit[] = [];
  for (const step of timeline) {
    const last = steps.at(-1);
    if (last === undefined || last.amps !== step.amps) steps.push({ ...step });
  }
  return steps;
}

/**
 * At most `max` periods: the first max-1 kept, the rest folded into a last period at the lowest
 * of their limits, so that folding can only make the profile stricter, never looser.
 */
export function capPeriods(timeline: readonly PlannedLimit[], max: number): PlannedLimit[] {
  const steps = merged(timeline);
  if (steps.length <= max) return steps;
  const kept = steps.slice(0, Math.max(0, max - 1));
  const rest = steps.slice(kept.length);
  const lowest = Math.min(...rest.map((step) => step.amps));
  const first = rest[0];
  return [...kept, { atOffsetS: first ? first.atOffsetS : 0, amps: lowest }];
}

/** Writes a request as the station wants it: its unit, resolution, stack level and period count. */
export function buildProfile(request: ProfileRequest, capabilities: ChargingCapabilities): PlannedProfile {
  const rateUnit = rateUnitFor(capabilities);
  const steps = capPeriods(request.timeline, Math.max(1, capabilities.maxPeriods));
  return {
    id: profileIdOf(request.purpose, request.evseId),
    // The highest level the station allows, so that ours decides where it applies; profiles others
    // set are honoured as limits in the allocation instead (docs/smart-charging.md).
    stackLevel: Math.max(0, capabilities.maxStackLevel),
    purpose: request.purpose,
    evseId: request.evseId,
    transactionId: request.purpose === 'tx' ? request.transactionId : undefined,
    startSchedule: Math.floor(request.startAt / 1000) * 1000,
    durationS: request.durationS,
    rateUnit,
    numberPhases: request.phases,
    periods: steps.map((step) => ({ startPeriodS: Math.round(step.atOffsetS), limit: limitIn(rateUnit, step.amps, request.phases) })),
  };
}
