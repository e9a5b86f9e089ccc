import {
  ChargingLimitSource,
  type ChargingProfile,
  ChargingProfileKind,
  ChargingProfilePurpose,
  type ChargingProfilesCleared,
  ChargingRateUnit,
  type ChargingSchedule,
  RecurrencyKind,
  timestampDate,
} from '@app/contracts';
import type { ProfilePurpose } from '../dispatch/planned-profile';
import type { ClearCriteria, StationLimitSource } from './foreign-limit-source';
import type { ForeignProfile, ForeignProfileSlot, ForeignSchedule, ProfileKind } from './foreign-profile';

// The wire's charging profiles and limits, read into the plain shapes the conversion takes.

const PURPOSES: Partial<Record<ChargingProfilePurpose, ProfilePurpose>> = {
  [ChargingProfilePurpose.STATION_MAX]: 'station-max',
  [ChargingProfilePurpose.TX_DEFAULT]: 'tx-default',
  [ChargingProfilePurpose.TX]: 'tx',
};
const KINDS: Partial<Record<ChargingProfileKind, ProfileKind>> = {
  [ChargingProfileKind.ABSOLUTE]: 'absolute',
  [ChargingProfileKind.RELATIVE]: 'relative',
  [ChargingProfileKind.RECURRING]: 'recurring',
};
const SOURCES: Partial<Record<ChargingLimitSource, StationLimitSource>> = {
  [ChargingLimitSource.EMS]: 'EMS',
  [ChargingLimitSource.SO]: 'SO',
  [ChargingLimitSource.CSO]: 'CSO',
  [ChargingLimitSource.OTHER]: 'Other',
};

const instant = (timestamp: Parameters<typeof timestampDate>[0] | undefined): number | undefined => (timestamp ? timestampDate(timestamp).getTime() : undefined);

export function scheduleOf(schedule: ChargingSchedule): ForeignSchedule | undefined {
  const unit = schedule.rateUnit === ChargingRateUnit.AMPERE ? 'A' : schedule.rateUnit === ChargingRateUnit.WATT ? 'W' : undefined;
  if (unit === undefined) return undefined;
  return {
    unit,
    startSchedule: instant(schedule.startSchedule),
    durationS: schedule.durationSeconds > 0 ? schedule.durationSeconds : undefined,
    periods: schedule.periods.map((period) => ({ startS: period.startPeriodSeconds, limit: period.limit, numberPhases: period.numberPhases || undefined })),
  };
}

/** An installed profile: where it sits on the station and when its schedule applies; undefined for what cannot limit anything. */
export function installedProfileOf(evseId: number, wire: ChargingProfile): { slot: ForeignProfileSlot; profile: ForeignProfile } | undefined {
  const purpose = PURPOSES[wire.purpose];
  const kind = KINDS[wire.kind] ?? 'absolute';
  const schedule = wire.schedule && scheduleOf(wire.schedule);
  if (purpose === undefined || schedule === undefined) return undefined;
  return {
    slot: { profileId: wire.id, purpose, evseId, stackLevel: wire.stackLevel },
    profile: {
      kind,
      recurrency: wire.recurrency === RecurrencyKind.WEEKLY ? 'weekly' : wire.recurrency === RecurrencyKind.DAILY ? 'daily' : undefined,
      validFrom: instant(wire.validFrom),
      validTo: instant(wire.validTo),
      schedule,
    },
  };
}

export function clearCriteriaOf(cleared: ChargingProfilesCleared): ClearCriteria {
  return {
    profileId: cleared.profileId > 0 ? cleared.profileId : undefined,
    evseId: cleared.evseId > 0 ? cleared.evseId : undefined,
    purpose: PURPOSES[cleared.purpose],
    stackLevel: cleared.hasStackLevel || cleared.stackLevel > 0 ? cleared.stackLevel : undefined,
  };
}

export function limitSourceOf(source: ChargingLimitSource): StationLimitSource {
  return SOURCES[source] ?? 'Other';
}
