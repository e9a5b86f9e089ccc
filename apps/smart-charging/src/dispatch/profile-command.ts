import { ChargingProfileKind, ChargingProfilePurpose, ChargingRateUnit, timestampFromDate } from '@app/contracts';
import type { CommandBody } from '@app/station-commands';
import type { PlannedProfile, ProfilePurpose } from './planned-profile';

const PURPOSES: Readonly<Record<ProfilePurpose, ChargingProfilePurpose>> = {
  tx: ChargingProfilePurpose.TX,
  'tx-default': ChargingProfilePurpose.TX_DEFAULT,
  'station-max': ChargingProfilePurpose.STATION_MAX,
};

/** The version-neutral SetChargingProfile command for a planned profile; the connection service writes it for 1.6 or 2.0.1. */
export function setChargingProfileCommand(profile: PlannedProfile): CommandBody {
  return {
    case: 'setChargingProfile',
    value: {
      evseId: profile.evseId,
      profile: {
        id: profile.id,
        stackLevel: profile.stackLevel,
        purpose: PURPOSES[profile.purpose],
        kind: ChargingProfileKind.ABSOLUTE,
        transactionId: profile.transactionId ?? '',
        schedule: {
          id: profile.id,
          startSchedule: timestampFromDate(new Date(profile.startSchedule)),
          durationSeconds: profile.durationS ?? 0,
          rateUnit: profile.rateUnit === 'A' ? ChargingRateUnit.AMPERE : ChargingRateUnit.WATT,
          periods: profile.periods.map((period) => ({ startPeriodSeconds: period.startPeriodS, limit: period.limit, numberPhases: profile.numberPhases })),
        },
      },
    },
  };
}
