import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { NeutralProfileKind, NeutralProfilePurpose, NeutralRateUnit, NeutralRecurrency } from './neutral-command.types';

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

export const purposeNames: Readonly<Record<NeutralProfilePurpose, PurposeNames | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: STATION_MAX_PROFILE, // STATION_MAX
  2: { '1.6': 'TxDefaultProfile', '2.0.1': 'TxDefaultProfile' }, // TX_DEFAULT
  3: TX_PROFILE, // TX
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

