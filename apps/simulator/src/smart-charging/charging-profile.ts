/**
 * A charging profile as the simulated station keeps it, whatever OCPP version delivered it.
 * Times are epoch milliseconds; durations and period starts are seconds, as on the wire.
 * `charging-profile.mapper.ts` converts the 1.6 and 2.0.1 wire shapes to and from this model.
 */
export type ProfilePurpose = 'StationMax' | 'TxDefault' | 'Tx' | 'ExternalConstraints';

export type ProfileKind = 'Absolute' | 'Relative' | 'Recurring';

export type RecurrencyKind = 'Daily' | 'Weekly';

export type RateUnit = 'A' | 'W';

/** Who set a profile: CSO (the operator, through the CSMS) for every profile a CSMS sent; others for external constraints. */
export type LimitSource = 'EMS' | 'Other' | 'SO' | 'CSO';

export interface SchedulePeriod {
  /** Seconds from the start of the schedule. */
  readonly startPeriod: number;
  /** In the schedule's unit: amperes per phase or watts in total. */
  readonly limit: number;
  readonly numberPhases?: number;
}

export interface ChargingSchedule {
  /** 2.0.1 schedule id, kept to report the profile back. */
  readonly id?: number;
  readonly startSchedule?: number;
  /** Seconds; absent = the last period lasts until the profile ends. */
  readonly duration?: number;
  readonly unit: RateUnit;
  /** Sorted by startPeriod; the first one starts at 0 in well-formed profiles. */
  readonly periods: readonly SchedulePeriod[];
  readonly minChargingRate?: number;
}

export interface ChargingProfile {
  readonly id: number;
  readonly stackLevel: number;
  readonly purpose: ProfilePurpose;
  readonly kind: ProfileKind;
  readonly recurrency?: RecurrencyKind;
  readonly validFrom?: number;
  readonly validTo?: number;
  /** TxProfile only: the transaction it belongs to (1.6 numbers are kept as decimal strings). */
  readonly transactionId?: string;
  readonly schedule: ChargingSchedule;
  /** When the station accepted the profile: the start of an Absolute schedule without startSchedule. */
  readonly receivedAt: number;
  /** Who set it; absent = the CSMS (CSO). */
  readonly source?: LimitSource;
}

/** A profile and the connector (1.6) or EVSE (2.0.1) it was set on; 0 is the whole station. */
export interface InstalledProfile {
  readonly evseId: number;
  readonly profile: ChargingProfile;
}
