import { pageQuery, pageSchema, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';

export const reportedChargingProfileSchema = z.object({
  requestId: z.number().int().meta({ description: 'The GetChargingProfiles request the station answered (the get-charging-profiles command’s result names it).' }),
  evseId: z.number().int().meta({ description: 'EVSE the profile is installed on; 0 = the whole station.' }),
  source: z.enum(['EMS', 'Other', 'SO', 'CSO']).meta({ description: 'Who set it (CSO: a CSMS; EMS/SO/Other: limits set by others).' }),
  profileId: z.number().int(),
  stackLevel: z.number().int(),
  purpose: z.string().meta({ example: 'TxDefaultProfile' }),
  profile: z.record(z.string(), z.unknown()).meta({ description: 'The OCPP 2.0.1 ChargingProfile as the station reported it.' }),
  tbc: z.boolean().meta({ description: 'More parts of the same report were to follow this one.' }),
  reportedAt: timestampSchema,
});
export type ReportedChargingProfileView = z.output<typeof reportedChargingProfileSchema>;

export const reportedChargingProfilePageSchema = pageSchema(reportedChargingProfileSchema);

export const reportedChargingProfilesQuery = z.strictObject({
  requestId: queryInteger(0, 2147483647).optional().meta({ description: 'Only the profiles of this report.' }),
  evseId: queryInteger(0, 2147483647).optional(),
  ...pageQuery(['integer']),
});
export type ReportedChargingProfilesQuery = z.output<typeof reportedChargingProfilesQuery>;
