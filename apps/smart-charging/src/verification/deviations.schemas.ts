import { pageQuery, pageSchema, queryInstant } from '@app/runtime';
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

export const deviationSchema = z.object({
  id: z.string().meta({ description: 'Increases with every deviation opened.' }),
  siteId: z.string(),
  stationId: z.string(),
  evseId: z.number().int(),
  transactionId: z.string(),
  phases: z.array(z.enum(['L1', 'L2', 'L3'])).meta({ description: 'The station’s phases (before the site’s wiring) that drew beyond the tolerance while it was open.' }),
  allowedA: z.number().meta({ description: 'The limit per phase of the TxProfile the station accepted, as last judged (what planning holds the session to while open).' }),
  drawnPeakA: z.number().meta({ description: 'The most it drew on one phase while open, A.' }),
  excessPeakA: z.number().meta({ description: 'The most it drew above its limit on one phase while open, A.' }),
  openedAt: instant.meta({ description: 'When the first draw beyond the tolerance was measured (the meter value’s time).' }),
  closedAt: instant.nullable().meta({ description: 'When it complied again, or its session ended; null while open.' }),
});
export type DeviationView = z.output<typeof deviationSchema>;
export const deviationPageSchema = pageSchema(deviationSchema);

export const listDeviationsQuery = z.strictObject({
  closedSince: queryInstant()
    .optional()
    .meta({ description: 'Also list deviations closed at or after this instant (ISO 8601 with offset); without it, only the open ones.' }),
  ...pageQuery(['integer']),
});
export type ListDeviationsQuery = z.output<typeof listDeviationsQuery>;
