import { ChargingProfilePurpose } from '@app/contracts';
import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { NeutralLimitSource, NeutralProfileKind, NeutralProfilePurpose, NeutralRateUnit, NeutralRecurrency } from './neutral-command.types';

// The contract enums keyed by value (0 = unspecified), so the compiler asks for a row whenever
// the contract gains a value. Each row names the enum member it stands for.

type Profile16 = Ocpp16.SetChargingProfileRequest['csChargingProfiles'];
export type Purpose16 = Profile16['chargingProfilePurpose'];

export interface PurposeNames {
  readonly '1.6': Purpose16;
  readonly '2.0.1': Ocpp201.ChargingProfilePurposeEnumType;
}

export const STATION_MAX_PROFILE: PurposeNames = { '1.6': 'ChargePointMaxProfile', '2.0.1': 'ChargingStationMaxProfile' };
export const TX_PROFILE: PurposeNames = { '1.6': 'TxProfile', '2.0.1': 'TxProfile' };

/** The purposes the CSMS sets; external constraints have no row: see isExternalConstraints. */
export const purposeNames: Readonly<Record<NeutralProfilePurpose, PurposeNames | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: STATION_MAX_PROFILE, // STATION_MAX
  2: { '1.6': 'TxDefaultProfile', '2.0.1': 'TxDefaultProfile' }, // TX_DEFAULT
  3: TX_PROFILE, // TX
  4: undefined, // EXTERNAL_CONSTRAINTS
};

/**
 * ChargingStationExternalConstraints profiles are put on a station by systems outside the CSMS
 * (2.0.1 K12); the CSMS may read them (GetChargingProfiles) but never set or clear them.
 */
export function isExternalConstraints(purpose: NeutralProfilePurpose): boolean {
  return purpose === ChargingProfilePurpose.EXTERNAL_CONSTRAINTS;
}

export const EXTERNAL_CONSTRAINTS_REFUSED = 'ChargingStationExternalConstraints profiles are set by systems outside the CSMS, never by a command';

/** Every 2.0.1 purpose, as GetChargingProfiles may ask for it. */
export const purposeNames201: Readonly<Record<NeutralProfilePurpose, Ocpp201.ChargingProfilePurposeEnumType | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'ChargingStationMaxProfile', // STATION_MAX
  2: 'TxDefaultProfile', // TX_DEFAULT
  3: 'TxProfile', // TX
  4: 'ChargingStationExternalConstraints', // EXTERNAL_CONSTRAINTS
};

export const limitSourceNames: Readonly<Record<NeutralLimitSource, Ocpp201.ChargingLimitSourceEnumType | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'EMS', // EMS
  2: 'Other', // OTHER
  3: 'SO', // SO
  4: 'CSO', // CSO
};

/** The same in both versions. */
export const kindNames: Readonly<Record<NeutralProfileKind, Ocpp201.ChargingProfileKindEnumType | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'Absolute', // ABSOLUTE
  2: 'Recurring', // RECURRING
  3: 'Relative', // RELATIVE
};

export const recurrencyNames: Readonly<Record<NeutralRecurrency, Ocpp201.RecurrencyKindEnumType | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'Daily', // DAILY
  2: 'Weekly', // WEEKLY
};

export const rateUnitNames: Readonly<Record<NeutralRateUnit, Ocpp201.ChargingRateUnitEnumType | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'A', // AMPERE
  2: 'W', // WATT
};

