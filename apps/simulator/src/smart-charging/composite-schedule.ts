import type { InstalledProfile, ProfilePurpose, RateUnit, SchedulePeriod } from './charging-profile';
import { type ChargingRate, lowerOf, roundLimit, valueIn } from './charging-rate';
import { changeInstants, periodAt, type RelativeAnchor } from './profile-schedule';

/**
 * Composite schedule: what a station may draw on one connector/EVSE at each instant, from the
 * profiles it holds (OCPP 1.6 §3.13, 2.0.1 K08). Pure: no clock, no I/O.
 *
 * At each instant, per purpose, the profile with the highest stackLevel that is valid and has a
 * period in force wins (ties: the EVSE-specific one over the one set on EVSE 0). A TxProfile
 * for the running transaction overrules TxDefaultProfile. The result is the lowest (compared in
 * watts at 230 V per phase) of that, the station maximum and the external constraints.
 * For EVSE 0 only the station-wide profiles (maximum, external constraints) count.
 */
export interface CompositeContext extends RelativeAnchor {
  /** Connector (1.6) or EVSE (2.0.1); 0 = the whole station. */
  readonly evseId: number;
}

export interface EffectiveLimit extends ChargingRate {
  readonly profileId: number;
  readonly purpose: ProfilePurpose;
}

function isForTransaction(installed: InstalledProfile, context: CompositeContext): boolean {
  const { transaction } = context;
  if (transaction === undefined) return false;
  const wanted = installed.profile.transactionId;
  return wanted === undefined || wanted === transaction.id;
}

/** Profiles of `purpose` that may apply to `context.evseId`. */
function candidates(installed: readonly InstalledProfile[], purpose: ProfilePurpose, context: CompositeContext): InstalledProfile[] {
  return installed.filter((entry) => {
    if (entry.profile.purpose !== purpose) return false;
    const onStation = entry.evseId === 0;
    const onThisEvse = context.evseId > 0 && entry.evseId === context.evseId;
    switch (purpose) {
      case 'StationMax':
        return onStation;
      case 'ExternalConstraints':
        return onStation || onThisEvse;
      case 'TxDefault':
        return context.evseId > 0 && (onStation || onThisEvse);
      case 'Tx':
        return onThisEvse && isForTransaction(entry, context);
    }
  });
}

function byPrecedence(first: InstalledProfile, second: InstalledProfile): number {
  const byStack = second.profile.stackLevel - first.profile.stackLevel;
  return byStack !== 0 ? byStack : Number(second.evseId !== 0) - Number(first.evseId !== 0);
}

/** The limit of the highest-precedence profile among `entries` that has a period in force at `at`. */
function winnerAt(entries: readonly InstalledProfile[], at: number, context: CompositeContext): EffectiveLimit | undefined {
  for (const { profile } of [...entries].sort(byPrecedence)) {
    const period = periodAt(profile, at, context);
    if (period) return { unit: profile.schedule.unit, limit: period.limit, numberPhases: period.numberPhases, profileId: profile.id, purpose: profile.purpose };
  }
  return undefined;
}

/** The limit in force at `at` on `context.evseId`; undefined when no profile limits it. */
export function limitAt(installed: readonly InstalledProfile[], at: number, context: CompositeContext): EffectiveLimit | undefined {
  const transactionLimit =
    winnerAt(candidates(installed, 'Tx', context), at, context) ?? winnerAt(candidates(installed, 'TxDefault', context), at, context);
  const limits = [
    winnerAt(candidates(installed, 'StationMax', context), at, context),
    winnerAt(candidates(installed, 'ExternalConstraints', context), at, context),
    transactionLimit,
  ].filter((limit): limit is EffectiveLimit => limit !== undefined);
  return limits.length === 0 ? undefined : limits.reduce((lowest, limit) => lowerOf(lowest, limit));
}

export interface CompositeRequest extends CompositeContext {
  readonly from: number;
  readonly durationS: number;
  readonly unit: RateUnit;
  /** What the hardware can deliver: the limit when no profile is stricter. */
  readonly capability: ChargingRate;
}

export interface CompositeSchedule {
  readonly evseId: number;
  readonly start: number;
  readonly durationS: number;
  readonly unit: RateUnit;
  /** At least one period; the first starts at 0. */
  readonly periods: readonly Required<SchedulePeriod>[];
}

function relevantTo(installed: readonly InstalledProfile[], context: CompositeContext): InstalledProfile[] {
  const purposes: ProfilePurpose[] = ['StationMax', 'ExternalConstraints', 'TxDefault', 'Tx'];
  return purposes.flatMap((purpose) => candidates(installed, purpose, context));
}

/** Every instant in (from, to) at which the limit on `context.evseId` may change, unsorted. */
export function limitChanges(installed: readonly InstalledProfile[], context: CompositeContext, from: number, to: number): number[] {
  return relevantTo(installed, context).flatMap(({ profile }) => changeInstants(profile, from, to, context));
}

/** Every instant in [from, to) at which the composite may change, sorted. */
function breakpoints(installed: readonly InstalledProfile[], request: CompositeRequest, to: number): number[] {
  const instants = limitChanges(installed, request, request.from, to);
  return [...new Set([request.from, ...instants])].sort((a, b) => a - b);
}

/** The composite schedule for `request.durationS` seconds from `request.from`, in `request.unit`. */
export function compositeSchedule(installed: readonly InstalledProfile[], request: CompositeRequest): CompositeSchedule {
  const to = request.from + request.durationS * 1000;
  const periods: Required<SchedulePeriod>[] = [];
  for (const instant of breakpoints(installed, request, to)) {
    const limit = limitAt(installed, instant, request);
    const rate = limit ? lowerOf<ChargingRate>(request.capability, limit) : request.capability;
    const period = { startPeriod: Math.round((instant - request.from) / 1000), limit: roundLimit(valueIn(rate, request.unit)), numberPhases: rate.numberPhases };
    const previous = periods.at(-1);
    if (previous && previous.limit === period.limit && previous.numberPhases === period.numberPhases) continue;
    if (previous && previous.startPeriod === period.startPeriod) periods.pop();
    periods.push(period);
  }
  return { evseId: request.evseId, start: request.from, durationS: request.durationS, unit: request.unit, periods };
}
