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
  return {
    id: wire.id,
    stackLevel: wire.stackLevel,
    purpose: purposeOf201[wire.chargingProfilePurpose],
    kind: wire.chargingProfileKind,
    recurrency: wire.recurrencyKind,
    validFrom: instant(wire.validFrom),
    validTo: instant(wire.validTo),
    transactionId: wire.transactionId,
    schedule: scheduleOf(wire.chargingSchedule[0]),
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
