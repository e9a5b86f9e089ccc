import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import { type Mapped, mapped, refuse } from './call-mapping';
import {
  EXTERNAL_CONSTRAINTS_REFUSED,
  type PurposeNames,
  TX_PROFILE,
  isExternalConstraints,
  kindNames,
  purposeNames,
  rateUnitNames,
  recurrencyNames,
} from './charging-profile.vocabulary';
import type { NeutralChargingPeriod, NeutralChargingProfile, NeutralChargingSchedule } from './neutral-command.types';
import { compact, int32Of, isoTime, nonEmpty, positive } from './payload-fields';

export type Profile16 = Ocpp16.SetChargingProfileRequest['csChargingProfiles'];

/** Where the profile goes: a SetChargingProfile, or the TxProfile of a remote start. */
export type ProfileUse = 'set-charging-profile' | 'remote-start';

interface CheckedProfile {
  readonly purpose: PurposeNames;
  readonly kind: Ocpp201.ChargingProfileKindEnumType;
  readonly recurrency: Ocpp201.RecurrencyKindEnumType | undefined;
  readonly schedule: NeutralChargingSchedule;
  readonly rateUnit: Ocpp201.ChargingRateUnitEnumType;
  readonly periods: readonly [NeutralChargingPeriod, ...NeutralChargingPeriod[]];
}

/** A remote start's profile is a TxProfile (the purpose may be left unspecified) for a transaction that does not exist yet. */
function remoteStartPurpose(profile: NeutralChargingProfile): Mapped<PurposeNames> {
  const purpose = purposeNames[profile.purpose] ?? TX_PROFILE;
  if (purpose !== TX_PROFILE) return refuse('a remote start takes a TxProfile only');
  if (profile.transactionId !== '') return refuse('a remote-start profile cannot name a transaction: the transaction does not exist yet');
  return mapped(purpose);
}

/** What both versions require of a profile, with the contract enums named. */
function checkProfile(profile: NeutralChargingProfile, use: ProfileUse): Mapped<CheckedProfile> {
  if (isExternalConstraints(profile.purpose)) return refuse(EXTERNAL_CONSTRAINTS_REFUSED);
  const purpose: Mapped<PurposeNames | undefined> = use === 'remote-start' ? remoteStartPurpose(profile) : mapped(purposeNames[profile.purpose]);
  if (!purpose.ok) return purpose;
  if (purpose.value === undefined) return refuse('the charging profile has no purpose');
  const kind = kindNames[profile.kind];
  if (kind === undefined) return refuse('the charging profile has no kind');
  const recurrency = recurrencyNames[profile.recurrency];
  if (kind === 'Recurring' && recurrency === undefined) return refuse('a Recurring charging profile needs a recurrency (Daily or Weekly)');
  const schedule = profile.schedule;
  if (schedule === undefined) return refuse('the charging profile has no schedule');
  const rateUnit = rateUnitNames[schedule.rateUnit];
  if (rateUnit === undefined) return refuse('the charging schedule has no rate unit');
  const [first, ...rest] = schedule.periods;
  if (first === undefined) return refuse('the charging schedule has no periods');
  return mapped({ purpose: purpose.value, kind, recurrency, schedule, rateUnit, periods: [first, ...rest] });
}

/**
 * 1.6 limits and minimum rates are multiples of 0.1: rounded down to one decimal, so a limit
 * is never exceeded by the rounding.
 */
export function tenths(value: number): number {
  return Math.floor(value * 10 + 1e-6) / 10;
}

function period16(period: NeutralChargingPeriod): Profile16['chargingSchedule']['chargingSchedulePeriod'][number] {
  return compact({ startPeriod: period.startPeriodSeconds, limit: tenths(period.limit), numberPhases: positive(period.numberPhases) });
}

/** A 1.6 csChargingProfiles / chargingProfile: one schedule, an integer transaction id, no phaseToUse. */
export function chargingProfile16(profile: NeutralChargingProfile, use: ProfileUse): Mapped<Profile16> {
  const checked = checkProfile(profile, use);
  if (!checked.ok) return checked;
  const { purpose, kind, recurrency, schedule, rateUnit, periods } = checked.value;
  const transactionId = profile.transactionId === '' ? undefined : int32Of(profile.transactionId);
  if (profile.transactionId !== '' && transactionId === undefined) {
    return refuse(`transaction id "${profile.transactionId}" is not an OCPP 1.6 (integer) transaction id`);
  }
  if (periods.some((period) => period.phaseToUse > 0)) return refuse('OCPP 1.6 charging schedules cannot choose the phase to use (phaseToUse)');
  return mapped(
    compact({
      chargingProfileId: profile.id,
      transactionId,
      stackLevel: profile.stackLevel,
      chargingProfilePurpose: purpose['1.6'],
      chargingProfileKind: kind,
      recurrencyKind: recurrency,
      validFrom: isoTime(profile.validFrom),
      validTo: isoTime(profile.validTo),
      chargingSchedule: compact({
        duration: positive(schedule.durationSeconds),
        startSchedule: isoTime(schedule.startSchedule),
        chargingRateUnit: rateUnit,
        chargingSchedulePeriod: periods.map(period16),
        minChargingRate: schedule.minChargingRate > 0 ? tenths(schedule.minChargingRate) : undefined,
      }),
    }),
  );
}

function period201(period: NeutralChargingPeriod): Ocpp201.ChargingSchedulePeriodType {
  return compact({
    startPeriod: period.startPeriodSeconds,
    limit: period.limit,
    numberPhases: positive(period.numberPhases),
    phaseToUse: positive(period.phaseToUse),
  });
}

/** A 2.0.1 ChargingProfileType: a list of (one) schedules with ids, a string transaction id. */
export function chargingProfile201(profile: NeutralChargingProfile, use: ProfileUse): Mapped<Ocpp201.ChargingProfileType> {
  const checked = checkProfile(profile, use);
  if (!checked.ok) return checked;
  const { purpose, kind, recurrency, schedule, rateUnit, periods } = checked.value;
  const [first, ...rest] = periods;
  const chargingSchedulePeriod: Ocpp201.ChargingScheduleType['chargingSchedulePeriod'] = [period201(first), ...rest.map(period201)];
  const chargingSchedule: Ocpp201.ChargingProfileType['chargingSchedule'] = [
    compact({
      id: schedule.id,
      startSchedule: isoTime(schedule.startSchedule),
      duration: positive(schedule.durationSeconds),
      chargingRateUnit: rateUnit,
      chargingSchedulePeriod,
      minChargingRate: schedule.minChargingRate > 0 ? schedule.minChargingRate : undefined,
    }),
  ];
  return mapped(
    compact({
      id: profile.id,
      stackLevel: profile.stackLevel,
      chargingProfilePurpose: purpose['2.0.1'],
      chargingProfileKind: kind,
      recurrencyKind: recurrency,
      validFrom: isoTime(profile.validFrom),
      validTo: isoTime(profile.validTo),
      transactionId: nonEmpty(profile.transactionId),
      chargingSchedule,
    }),
  );
}
