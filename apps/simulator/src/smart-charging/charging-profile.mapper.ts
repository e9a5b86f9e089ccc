import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { ChargingProfile, ChargingSchedule, ProfilePurpose, SchedulePeriod } from './charging-profile';
import type { ClearCriteria } from './charging-profile.store';

type Wire16Profile = Ocpp16.SetChargingProfileRequest['csChargingProfiles'];
type Wire16Schedule = Wire16Profile['chargingSchedule'];
type Wire16Purpose = Wire16Profile['chargingProfilePurpose'];

const purposeOf16: Readonly<Record<Wire16Purpose, ProfilePurpose>> = {
  ChargePointMaxProfile: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
};

const purposeOf201: Readonly<Record<Ocpp201.ChargingProfilePurposeEnumType, ProfilePurpose>> = {
  ChargingStationMaxProfile: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
  ChargingStationExternalConstraints: 'ExternalConstraints',
};

function instant(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function periodsOf(periods: readonly { startPeriod: number; limit: number; numberPhases?: number }[]): SchedulePeriod[] {
  return periods
    .map(({ startPeriod, limit, numberPhases }) => (numberPhases === undefined ? { startPeriod, limit } : { startPeriod, limit, numberPhases }))
    .sort((a, b) => a.startPeriod - b.startPeriod);
}

function scheduleOf(wire: Wire16Schedule | Ocpp201.ChargingScheduleType): ChargingSchedule {
  return {
    startSchedule: instant(wire.startSchedule),
    duration: wire.duration,
    unit: wire.chargingRateUnit,
    periods: periodsOf(wire.chargingSchedulePeriod),
    minChargingRate: wire.minChargingRate,
  };
}

/** A 1.6 `csChargingProfiles` (SetChargingProfile) or RemoteStartTransaction `chargingProfile` as the station keeps it. */
export function profileFrom16(wire: Wire16Profile, receivedAt: number): ChargingProfile {
  return {
    id: wire.chargingProfileId,
    stackLevel: wire.stackLevel,
    purpose: purposeOf16[wire.chargingProfilePurpose],
    kind: wire.chargingProfileKind,
    recurrency: wire.recurrencyKind,
    validFrom: instant(wire.validFrom),
    validTo: instant(wire.validTo),
    transactionId: wire.transactionId === undefined ? undefined : String(wire.transactionId),
    schedule: scheduleOf(wire.chargingSchedule),
    receivedAt,
  };
}

/** A 2.0.1 ChargingProfileType as the station keeps it; only its first schedule is used. */
export function profileFrom201(wire: Ocpp201.ChargingProfileType, receivedAt: number): ChargingProfile {
  const [schedule] = wire.chargingSchedule;
  return {
    id: wire.id,
    stackLevel: wire.stackLevel,
    purpose: purposeOf201[wire.chargingProfilePurpose],
    kind: wire.chargingProfileKind,
    recurrency: wire.recurrencyKind,
    validFrom: instant(wire.validFrom),
    validTo: instant(wire.validTo),
    transactionId: wire.transactionId,
    schedule: { ...scheduleOf(schedule), id: schedule.id },
    receivedAt,
  };
}

export function clearCriteriaFrom16(request: Ocpp16.ClearChargingProfileRequest): ClearCriteria {
  return {
    id: request.id,
    evseId: request.connectorId,
    purpose: request.chargingProfilePurpose === undefined ? undefined : purposeOf16[request.chargingProfilePurpose],
    stackLevel: request.stackLevel,
  };
}

export function clearCriteriaFrom201(request: Ocpp201.ClearChargingProfileRequest): ClearCriteria {
  const criteria = request.chargingProfileCriteria;
  return {
    id: request.chargingProfileId,
    evseId: criteria?.evseId,
    purpose: criteria?.chargingProfilePurpose === undefined ? undefined : purposeOf201[criteria.chargingProfilePurpose],
    stackLevel: criteria?.stackLevel,
  };
}

const purposeTo201: Readonly<Record<ProfilePurpose, Ocpp201.ChargingProfilePurposeEnumType>> = {
  StationMax: 'ChargingStationMaxProfile',
  TxDefault: 'TxDefaultProfile',
  Tx: 'TxProfile',
  ExternalConstraints: 'ChargingStationExternalConstraints',
};

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const isoOf = (at: number | undefined): string | undefined => (at === undefined ? undefined : new Date(at).toISOString());

/** A schedule as 2.0.1 writes it (GetChargingProfiles reports, NotifyChargingLimit); `fallbackId` when it came without one. */
export function scheduleTo201(schedule: ChargingSchedule, fallbackId: number): Ocpp201.ChargingScheduleType {
  const toPeriod = (period: SchedulePeriod): Ocpp201.ChargingSchedulePeriodType => ({
    startPeriod: period.startPeriod,
    limit: period.limit,
    ...optional('numberPhases', period.numberPhases),
  });
  const [first, ...rest] = schedule.periods;
  const periods: Ocpp201.ChargingScheduleType['chargingSchedulePeriod'] = [toPeriod(first ?? { startPeriod: 0, limit: 0 }), ...rest.map(toPeriod)];
  return {
    id: schedule.id ?? fallbackId,
    ...optional('startSchedule', isoOf(schedule.startSchedule)),
    ...optional('duration', schedule.duration),
    chargingRateUnit: schedule.unit,
    chargingSchedulePeriod: periods,
    ...optional('minChargingRate', schedule.minChargingRate),
  };
}

/** A kept profile as 2.0.1 reports it (ReportChargingProfiles). */
export function profileTo201(profile: ChargingProfile): Ocpp201.ChargingProfileType {
  return {
    id: profile.id,
    stackLevel: profile.stackLevel,
    chargingProfilePurpose: purposeTo201[profile.purpose],
    chargingProfileKind: profile.kind,
    ...optional('recurrencyKind', profile.recurrency),
    ...optional('validFrom', isoOf(profile.validFrom)),
    ...optional('validTo', isoOf(profile.validTo)),
    ...optional('transactionId', profile.purpose === 'Tx' ? profile.transactionId : undefined),
    chargingSchedule: [scheduleTo201(profile.schedule, profile.id)],
  };
}
