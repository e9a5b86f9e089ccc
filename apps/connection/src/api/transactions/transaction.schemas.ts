import { pageQuery, pageSchema, queryBoolean, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { instantQuery, stationIdSchema, timestampSchema } from '../api-schemas';

export const transactionSchema = z.object({
  stationId: z.string(),
  transactionId: z.string().meta({ description: 'The CSMS id: the assigned integer for 1.6, the station’s transactionId for 2.0.1. Unique per station.' }),
  state: z.enum(['active', 'ended']),
  evseId: z.number().int().nullable(),
  connectorId: z.number().int().nullable(),
  idToken: z.string().nullable(),
  idTokenType: z.string().nullable(),
  startedAt: timestampSchema.nullable(),
  stoppedAt: timestampSchema.nullable(),
  meterStartWh: z.number().nullable(),
  meterStopWh: z.number().nullable(),
  energyWh: z.number().nullable().meta({
    description: 'Energy delivered so far (ended: in total), Wh. Active: from the newest energy register reading since the start, the same in the list and the detail.',
  }),
  stoppedReason: z.string().nullable(),
  chargingState: z.string().nullable().meta({
    description:
      '2.0.1 only (null for 1.6). Active: the charging state last reported (Charging, EVConnected, SuspendedEV, SuspendedEVSE, Idle). Ended: the final state the Ended event reported, or null when it reported none.',
  }),
  offline: z.boolean().meta({ description: 'Some of its events were queued while the station was offline.' }),
  remoteStartId: z.number().int().nullable(),
  updatedAt: timestampSchema,
});

export const meterSampleSchema = z.object({
  at: timestampSchema,
  evseId: z.number().int(),
  measurand: z.string().meta({ example: 'Energy.Active.Import.Register' }),
  phase: z.string().nullable().meta({ description: 'L1, L2, L3, N, L1-N, ...; null for the total.' }),
  location: z.string().nullable(),
  context: z.string().nullable(),
  value: z.number(),
  unit: z.string().meta({ description: 'Normalised: W, Wh, A, V, Percent, ...' }),
});

export const transactionDetailSchema = transactionSchema.extend({
  meterSampleCount: z.number().int().meta({ description: 'All samples stored for the transaction.' }),
  meterSamples: z.array(meterSampleSchema).meta({ description: 'The first `samples` of them, oldest first.' }),
});

export const transactionPageSchema = pageSchema(transactionSchema);

export type TransactionView = z.output<typeof transactionSchema>;
export type TransactionDetailView = z.output<typeof transactionDetailSchema>;
export type MeterSampleView = z.output<typeof meterSampleSchema>;

export const listTransactionsQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  active: queryBoolean().optional().meta({ description: '`true`: active transactions only; `false`: ended ones only.' }),
  from: instantQuery.optional().meta({ description: 'Started at or after this instant (ISO 8601 with offset).' }),
  to: instantQuery.optional().meta({ description: 'Started before this instant.' }),
  ...pageQuery(3),
});
export type ListTransactionsQuery = z.output<typeof listTransactionsQuery>;

export const MAX_SAMPLES = 10_000;

export const transactionDetailQuery = z.strictObject({
  stationId: stationIdSchema.optional().meta({ description: 'Needed when two stations used the same transaction id.' }),
  samples: queryInteger(0, MAX_SAMPLES)
    .optional()
    .meta({ description: `How many meter samples to return, 0-${MAX_SAMPLES} (default 1000).` }),
});
export type TransactionDetailQuery = z.output<typeof transactionDetailQuery>;

export const transactionIdSchema = z.string().min(1).max(36).meta({ description: 'Transaction id.', example: '42' });

export const exportTransactionsQuery = z.strictObject({
  format: z.enum(['csv', 'json']).default('csv').meta({ description: '`csv` (RFC 4180, with a header record) or `json` (an array).' }),
  stationId: stationIdSchema.optional(),
  from: instantQuery.optional().meta({ description: 'Stopped at or after this instant (ISO 8601 with offset).' }),
  to: instantQuery.optional().meta({ description: 'Stopped before this instant.' }),
});
export type ExportTransactionsQuery = z.output<typeof exportTransactionsQuery>;
