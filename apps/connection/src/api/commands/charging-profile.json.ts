import {
  ChargingProfileKind,
  ChargingProfilePurpose,
  type ChargingProfileSchema,
  ChargingRateUnit,
  RecurrencyKind,
  timestampFromDate,
} from '@app/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';

// Charging profiles in the operator API's JSON: one schedule, flattened into the profile, names
// instead of enum numbers. Mapped to the neutral protobuf ChargingProfile; the connection service
// writes it as a 1.6 csChargingProfiles or a 2.0.1 chargingProfile.

export const profilePurposes = {
  'station-max': ChargingProfilePurpose.STATION_MAX,
  'tx-default': ChargingProfilePurpose.TX_DEFAULT,
  tx: ChargingProfilePurpose.TX,
} as const;
const kinds = { absolute: ChargingProfileKind.ABSOLUTE, recurring: ChargingProfileKind.RECURRING, relative: ChargingProfileKind.RELATIVE } as const;
const recurrencies = { daily: RecurrencyKind.DAILY, weekly: RecurrencyKind.WEEKLY } as const;
export const rateUnits = { A: ChargingRateUnit.AMPERE, W: ChargingRateUnit.WATT } as const;

const INT32_MAX = 2147483647;

const periodSchema = z.strictObject({
  startSeconds: z.number().int().min(0).max(INT32_MAX).meta({ description: 'Seconds from the start of the schedule; the first period starts at 0.' }),
  limit: z.number().min(0).meta({ description: 'In the schedule unit (A per phase, or W).' }),
  numberPhases: z.number().int().min(1).max(3).optional(),
  phaseToUse: z.number().int().min(1).max(3).optional().meta({ description: '2.0.1 only, with numberPhases 1.' }),
});

export const chargingProfileSchema = z
  .strictObject({
    id: z.number().int().min(1).max(INT32_MAX),
    stackLevel: z.number().int().min(0).max(INT32_MAX).default(0),
    purpose: z.enum(['station-max', 'tx-default', 'tx']).meta({ description: 'station-max: 1.6 ChargePointMaxProfile / 2.0.1 ChargingStationMaxProfile.' }),
    kind: z.enum(['absolute', 'recurring', 'relative']).default('absolute'),
    recurrency: z.enum(['daily', 'weekly']).optional().meta({ description: 'Recurring profiles only.' }),
    validFrom: timestampSchema.optional(),
    validTo: timestampSchema.optional(),
    transactionId: z.string().min(1).max(36).optional().meta({ description: 'tx profiles: the transaction it applies to.' }),
    unit: z.enum(['A', 'W']),
    startSchedule: timestampSchema.optional(),
    durationSeconds: z.number().int().min(1).max(INT32_MAX).optional(),
    minChargingRate: z.number().min(0).optional(),
    scheduleId: z.number().int().min(0).max(INT32_MAX).optional().meta({ description: '2.0.1 schedule id (default: the profile id).' }),
    periods: z.array(periodSchema).min(1).max(1024),
  })
  .superRefine((profile, context) => {
    if (profile.kind === 'recurring' && profile.recurrency === undefined) context.addIssue({ code: 'custom', path: ['recurrency'], message: 'is required for a recurring profile' });
    if (profile.kind !== 'recurring' && profile.recurrency !== undefined) context.addIssue({ code: 'custom', path: ['recurrency'], message: 'applies to recurring profiles only' });
    if (profile.purpose !== 'tx' && profile.transactionId !== undefined) context.addIssue({ code: 'custom', path: ['transactionId'], message: 'only a tx profile names a transaction' });
    if (profile.validFrom && profile.validTo && Date.parse(profile.validTo) <= Date.parse(profile.validFrom)) {
      context.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
    }
    profile.periods.forEach((period, index) => {
      const previous = profile.periods[index - 1];
      if (index === 0 && period.startSeconds !== 0) context.addIssue({ code: 'custom', path: ['periods', 0, 'startSeconds'], message: 'the first period starts at 0' });
      if (previous && period.startSeconds <= previous.startSeconds) context.addIssue({ code: 'custom', path: ['periods', index, 'startSeconds'], message: 'must be after the previous period' });
      if (period.phaseToUse !== undefined && period.numberPhases !== 1) context.addIssue({ code: 'custom', path: ['periods', index, 'phaseToUse'], message: 'needs numberPhases 1' });
    });
  })
  .meta({ description: 'A charging profile with one schedule.' });

export type ChargingProfileJson = z.output<typeof chargingProfileSchema>;
export type NeutralChargingProfileInit = MessageInitShape<typeof ChargingProfileSchema>;

const timestampOf = (iso: string | undefined) => (iso === undefined ? undefined : timestampFromDate(new Date(iso)));

export function neutralChargingProfile(profile: ChargingProfileJson): NeutralChargingProfileInit {
  return {
    id: profile.id,
    stackLevel: profile.stackLevel,
    purpose: profilePurposes[profile.purpose],
    kind: kinds[profile.kind],
    recurrency: profile.recurrency === undefined ? RecurrencyKind.UNSPECIFIED : recurrencies[profile.recurrency],
    validFrom: timestampOf(profile.validFrom),
    validTo: timestampOf(profile.validTo),
    transactionId: profile.transactionId ?? '',
    schedule: {
      id: profile.scheduleId ?? profile.id,
      startSchedule: timestampOf(profile.startSchedule),
      durationSeconds: profile.durationSeconds ?? 0,
      rateUnit: rateUnits[profile.unit],
      minChargingRate: profile.minChargingRate ?? 0,
      periods: profile.periods.map((period) => ({
        startPeriodSeconds: period.startSeconds,
        limit: period.limit,
        numberPhases: period.numberPhases ?? 0,
        phaseToUse: period.phaseToUse ?? 0,
      })),
    },
  };
}
