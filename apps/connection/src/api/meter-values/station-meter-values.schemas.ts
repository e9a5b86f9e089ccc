import { pageQuery, pageSchema, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { instantQuery, timestampSchema } from '../api-schemas';

export const stationMeterSampleSchema = z.object({
  at: timestampSchema.meta({ description: 'When the station sampled it (its own clock).' }),
  evseId: z.number().int().meta({ description: 'EVSE (1.6: connector id); 0 = the station’s own meter.' }),
  transactionId: z.string().nullable().meta({ description: 'The transaction it was reported in or later linked to; null when sampled outside any.' }),
  measurand: z.string().meta({ example: 'Energy.Active.Import.Register' }),
  phase: z.string().nullable().meta({ description: 'L1, L2, L3, N, L1-N, ...; null for the total.' }),
  location: z.string().nullable(),
  context: z.string().nullable(),
  value: z.number(),
  unit: z.string().meta({ description: 'Normalised: W, Wh, A, V, Percent, ...' }),
});
export type StationMeterSampleView = z.output<typeof stationMeterSampleSchema>;

export const stationMeterSamplePageSchema = pageSchema(stationMeterSampleSchema);

export const stationMeterValuesQuery = z.strictObject({
  evseId: queryInteger(0, 2147483647).optional().meta({ description: 'Only this EVSE (1.6: connector); 0 = the station’s own meter.' }),
  measurand: z.string().min(1).max(100).optional().meta({ description: 'Only this measurand, e.g. Power.Active.Import.' }),
  from: instantQuery.optional().meta({ description: 'Sampled at or after this instant (ISO 8601 with offset).' }),
  to: instantQuery.optional().meta({ description: 'Sampled before this instant.' }),
  // Sort key: EVSE, sampled at, measurand, phase, location, context (the samples' own unique index).
  ...pageQuery(['integer', 'timestamp', 'text', 'text', 'text', 'text']),
});
export type StationMeterValuesQuery = z.output<typeof stationMeterValuesQuery>;
