import {
  ChargingLimitSource,
  ChargingProfileKind,
  ChargingProfilePurpose,
  ChargingRateUnit,
  RecurrencyKind,
  type ChargingProfileSchema,
  type ChargingScheduleSchema,
  timestampFromDate,
} from '@app/contracts';
import type { Ocpp201 } from '@app/ocpp';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { StationEventBody } from '../station-events/event-body';

// Charging schedules and profiles a 2.0.1 station reports (NotifyChargingLimit,
// ReportChargingProfiles), read into the neutral ChargingSchedule / ChargingProfile that commands
// use to send them. The tables are total over the OCA enums, so a new value fails the typecheck.

export type NeutralScheduleInit = MessageInitShape<typeof ChargingScheduleSchema>;
export type NeutralProfileInit = MessageInitShape<typeof ChargingProfileSchema>;

export const limitSourceOf: Readonly<Record<Ocpp201.ChargingLimitSourceEnumType, ChargingLimitSource>> = {
  EMS: ChargingLimitSource.EMS,
  Other: ChargingLimitSource.OTHER,
  SO: ChargingLimitSource.SO,
  CSO: ChargingLimitSource.CSO,
};

const purposeOf: Readonly<Record<Ocpp201.ChargingProfilePurposeEnumType, ChargingProfilePurpose>> = {
  ChargingStationMaxProfile: ChargingProfilePurpose.STATION_MAX,
  TxDefaultProfile: ChargingProfilePurpose.TX_DEFAULT,
  TxProfile: ChargingProfilePurpose.TX,
  ChargingStationExternalConstraints: ChargingProfilePurpose.EXTERNAL_CONSTRAINTS,
};

const kindOf: Readonly<Record<Ocpp201.ChargingProfileKindEnumType, ChargingProfileKind>> = {
  Absolute: ChargingProfileKind.ABSOLUTE,
  Recurring: ChargingProfileKind.RECURRING,
  Relative: ChargingProfileKind.RELATIVE,
};

const recurrencyOf: Readonly<Record<Ocpp201.RecurrencyKindEnumType, RecurrencyKind>> = {
  Daily: RecurrencyKind.DAILY,
  Weekly: RecurrencyKind.WEEKLY,
};

const rateUnitOf: Readonly<Record<Ocpp201.ChargingRateUnitEnumType, ChargingRateUnit>> = {
  A: ChargingRateUnit.AMPERE,
  W: ChargingRateUnit.WATT,
};

const timestampOf = (iso: string | undefined) => (iso === undefined ? undefined : timestampFromDate(new Date(iso)));

/** A schedule as the neutral contract has it; absent numbers are 0 (unset) there. The sales tariff is not carried. */
export function scheduleOf201(schedule: Ocpp201.ChargingScheduleType): NeutralScheduleInit {
  return {
    id: schedule.id,
    startSchedule: timestampOf(schedule.startSchedule),
    durationSeconds: schedule.duration ?? 0,
    rateUnit: rateUnitOf[schedule.chargingRateUnit],
    periods: schedule.chargingSchedulePeriod.map((period) => ({
      startPeriodSeconds: period.startPeriod,
      limit: period.limit,
      numberPhases: period.numberPhases ?? 0,
      phaseToUse: period.phaseToUse ?? 0,
    })),
    minChargingRate: schedule.minChargingRate ?? 0,
  };
}

/** A profile as the neutral contract has it, with its first schedule (the others are ISO 15118 alternatives). */
export function profileOf201(profile: Ocpp201.ChargingProfileType): NeutralProfileInit {
  return {
    id: profile.id,
    stackLevel: profile.stackLevel,
    purpose: purposeOf[profile.chargingProfilePurpose],
    kind: kindOf[profile.chargingProfileKind],
    recurrency: profile.recurrencyKind === undefined ? RecurrencyKind.UNSPECIFIED : recurrencyOf[profile.recurrencyKind],
    validFrom: timestampOf(profile.validFrom),
    validTo: timestampOf(profile.validTo),
    transactionId: profile.transactionId ?? '',
    schedule: scheduleOf201(profile.chargingSchedule[0]),
  };
}

/** 2.0.1 ReportChargingProfiles as `charging_profiles_reported`. */
export function chargingProfilesReportedEvent(request: Ocpp201.ReportChargingProfilesRequest): StationEventBody {
  return {
    case: 'chargingProfilesReported',
    value: {
      requestId: BigInt(request.requestId),
      source: limitSourceOf[request.chargingLimitSource],
      evseId: request.evseId,
      profiles: request.chargingProfile.map(profileOf201),
      tbc: request.tbc ?? false,
    },
  };
}
