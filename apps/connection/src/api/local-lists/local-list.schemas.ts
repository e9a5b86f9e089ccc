import { pageQuery, pageSchema } from '@app/runtime';
import { z } from 'zod';
import { stationIdSchema, timestampSchema } from '../api-schemas';

export const syncStates = ['in-sync', 'pending', 'failed', 'not-supported'] as const;

const syncStateSchema = z.enum(syncStates).meta({
  description:
    'in-sync: the station holds what the id-token store says it should; pending: the store changed since (or the list was never sent); failed: the last update failed (see lastError); not-supported: the station has no local list.',
});

export const localListSummarySchema = z.object({
  stationId: z.string(),
  ocppVersion: z.enum(['1.6', '2.0.1']).nullable(),
  version: z.number().int().nullable().meta({ description: 'The list version the station last accepted; null before it accepted one.' }),
  entries: z.number().int().meta({ description: 'Entries the station holds.' }),
  desiredEntries: z.number().int().meta({ description: 'Entries it should hold (every registered id token its version can carry).' }),
  syncState: syncStateSchema,
  lastError: z.string().nullable(),
  attemptedAt: timestampSchema.nullable().meta({ description: 'When the list was last synchronised or reconciled.' }),
  syncedAt: timestampSchema.nullable().meta({ description: 'When the station last accepted an update.' }),
});
export type LocalListSummaryView = z.output<typeof localListSummarySchema>;

export const localListEntrySchema = z.object({
  idToken: z.string(),
  type: z.string(),
  status: z.enum(['Accepted', 'Blocked', 'Expired', 'Invalid']),
  expiresAt: timestampSchema.nullable(),
});

export const localListSchema = localListSummarySchema.extend({ items: z.array(localListEntrySchema).meta({ description: 'What the station holds.' }) });
export type LocalListView = z.output<typeof localListSchema>;

export const localListPageSchema = pageSchema(localListSummarySchema);

export const listLocalListsQuery = z.strictObject({
  stationId: z
    .union([stationIdSchema, z.array(stationIdSchema).max(100)])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]))
    .meta({ description: 'Only these stations (repeat the parameter for several).' }),
  ...pageQuery(1),
});
export type ListLocalListsQuery = z.output<typeof listLocalListsQuery>;

const fullField = z.boolean().default(false).meta({ description: 'Send the whole list even when a differential update would do.' });

export const pushLocalListBody = z.strictObject({ full: fullField });
export type PushLocalListBody = z.output<typeof pushLocalListBody>;

export const pushGroupBody = z
  .strictObject({
    stationIds: z.array(stationIdSchema).min(1).max(100).optional().meta({ description: 'The stations to update.' }),
    select: z
      .enum(['out-of-sync'])
      .optional()
      .meta({ description: 'Instead of stationIds: every station whose list is pending or failed (at most 100 per request, by station id).' }),
    full: fullField,
  })
  .refine((body) => (body.stationIds === undefined) !== (body.select === undefined), { message: 'give either stationIds or select', path: ['stationIds'] });
export type PushGroupBody = z.output<typeof pushGroupBody>;

export const syncReportSchema = z.object({
  stationId: z.string(),
  state: z.enum([...syncStates, 'busy', 'not-connected']).meta({
    description: 'How the update ended; busy: another update of this station’s list was running; not-connected: the station is not connected.',
  }),
  version: z.number().int().nullable(),
  entries: z.number().int(),
  sent: z.array(
    z.object({ version: z.number().int(), updateType: z.enum(['full', 'differential']), entries: z.number().int(), status: z.string().meta({ description: 'The station’s answer.' }) }),
  ),
  error: z.string().optional(),
});
export type SyncReportView = z.output<typeof syncReportSchema>;

export const groupReportSchema = z.object({ items: z.array(syncReportSchema) });
