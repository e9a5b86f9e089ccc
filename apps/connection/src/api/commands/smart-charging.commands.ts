import { ChargingLimitSource, ChargingProfilePurpose, ChargingRateUnit } from '@app/contracts';
import { z } from 'zod';
import { chargingProfileSchema, neutralChargingProfile, profilePurposes, rateUnits } from './charging-profile.json';
import { command } from './command-spec';

// Charging profiles and composite schedules.

const evseOrStation = (description: string) => z.number().int().min(0).max(2147483647).meta({ description });

const limitSources = { EMS: ChargingLimitSource.EMS, Other: ChargingLimitSource.OTHER, SO: ChargingLimitSource.SO, CSO: ChargingLimitSource.CSO } as const;

export const smartChargingCommands = {
  'set-charging-profile': command({
    summary: 'Set a charging profile',
    description: 'SetChargingProfile: a station-max profile applies to the whole station (evseId 0), a tx profile to the transaction on one EVSE.',
    fields: {
      evseId: evseOrStation('0: the whole station; otherwise the EVSE (1.6: connector).').default(0),
      profile: chargingProfileSchema,
    },
    refine: (input, context) => {
      if (input.profile.purpose === 'station-max' && input.evseId !== 0) context.addIssue({ code: 'custom', path: ['evseId'], message: 'must be 0 for a station-max profile' });
      if (input.profile.purpose === 'tx' && input.evseId === 0) context.addIssue({ code: 'custom', path: ['evseId'], message: 'must name the EVSE of the transaction for a tx profile' });
    },
    toBody: (input) => ({ case: 'setChargingProfile', value: { evseId: input.evseId, profile: neutralChargingProfile(input.profile) } }),
  }),
  'clear-charging-profile': command({
    summary: 'Clear charging profiles',
    description: 'ClearChargingProfile: every given criterion must match; none clears every profile.',
    fields: {
      profileId: z.number().int().min(1).max(2147483647).optional(),
      evseId: evseOrStation('Profiles of this EVSE (0: station-wide ones).').optional(),
      purpose: z.enum(['station-max', 'tx-default', 'tx']).optional(),
      stackLevel: z.number().int().min(0).max(2147483647).optional(),
    },
    toBody: (input) => ({
      case: 'clearChargingProfile',
      value: {
        profileId: input.profileId ?? 0,
        evseId: input.evseId ?? 0,
        purpose: input.purpose === undefined ? ChargingProfilePurpose.UNSPECIFIED : profilePurposes[input.purpose],
        stackLevel: input.stackLevel ?? 0,
        hasStackLevel: input.stackLevel !== undefined,
      },
    }),
  }),
  'get-charging-profiles': command({
    summary: 'Get the charging profiles a station holds',
    description:
      '2.0.1 GetChargingProfiles (1.6 has none: refused as invalid). `result.requestId` names the report; the station sends the profiles in ReportChargingProfiles, listed by GET /api/stations/{id}/reported-charging-profiles?requestId=…. Every given criterion must match.',
    fields: {
      evseId: evseOrStation('Profiles of this EVSE (0: station-wide ones); omitted: every EVSE and the station.').optional(),
      purpose: z.enum(['station-max', 'tx-default', 'tx']).optional(),
      stackLevel: z.number().int().min(0).max(2147483647).optional(),
      profileIds: z.array(z.number().int().min(1).max(2147483647)).max(100).default([]),
      sources: z.array(z.enum(['EMS', 'Other', 'SO', 'CSO'])).max(4).default([]).meta({ description: 'Who set them (CSO: a CSMS).' }),
    },
    toBody: (input) => ({
      case: 'getChargingProfiles',
      value: {
        evseId: input.evseId,
        purpose: input.purpose === undefined ? ChargingProfilePurpose.UNSPECIFIED : profilePurposes[input.purpose],
        stackLevel: input.stackLevel,
        profileIds: input.profileIds,
        sources: input.sources.map((source) => limitSources[source]),
      },
    }),
  }),
  'get-composite-schedule': command({
    summary: 'Get the composite schedule',
    description: 'GetCompositeSchedule: the limits the station will apply, as `result.schedule` { evseId, scheduleStart, durationSeconds, rateUnit, periods }.',
    fields: {
      evseId: evseOrStation('0: the whole station; otherwise the EVSE (1.6: connector).').default(0),
      durationSeconds: z.number().int().min(1).max(2147483647),
      unit: z.enum(['A', 'W']).optional().meta({ description: 'Rate unit of the answer; omitted: the station’s choice.' }),
    },
    toBody: (input) => ({
      case: 'getCompositeSchedule',
      value: { evseId: input.evseId, durationSeconds: input.durationSeconds, rateUnit: input.unit === undefined ? ChargingRateUnit.UNSPECIFIED : rateUnits[input.unit] },
    }),
  }),
};
