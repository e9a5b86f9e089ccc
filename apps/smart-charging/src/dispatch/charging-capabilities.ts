export type RateUnit = 'A' | 'W';

/** What a station accepts in a charging profile (1.6 configuration keys / 2.0.1 SmartChargingCtrlr). */
export interface ChargingCapabilities {
  /** ChargingScheduleAllowedChargingRateUnit / SmartChargingCtrlr.RateUnit. */
  rateUnits: readonly RateUnit[];
  /** ChargeProfileMaxStackLevel / SmartChargingCtrlr.ProfileStackLevel. */
  maxStackLevel: number;
  /** ChargingScheduleMaxPeriods / SmartChargingCtrlr.PeriodsPerSchedule. */
  maxPeriods: number;
  /** MaxChargingProfilesInstalled / SmartChargingCtrlr.Entries. */
  maxProfiles: number;
}

/**
 * What is assumed of a station that has not told: amperes (every station that does smart
 * charging takes them, and they are what allocation computes), the lowest stack levels, a
 * single period per schedule, and the profiles this service installs per EVSE.
 */
export const ASSUMED_CAPABILITIES: ChargingCapabilities = { rateUnits: ['A'], maxStackLevel: 1, maxPeriods: 1, maxProfiles: 3 };

/** The unit to send: amperes when the station takes them, else watts. */
export function rateUnitFor(capabilities: ChargingCapabilities): RateUnit {
  return capabilities.rateUnits.includes('A') || capabilities.rateUnits.length === 0 ? 'A' : 'W';
}
