import { pageQuery, pageSchema } from '@app/runtime';
import { z } from 'zod';
import { timestampSchema } from '../api/api-schemas';

const groupSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._-]+$/, 'must be a consumer group name (letters, digits, ".", "_", "-")')
  .meta({ description: 'Consumer group, e.g. `pki.station-events`.', example: 'pki.station-events' });

export const parkedEventIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,17}$/, 'must be a parked event id')
  .meta({ description: 'Parked event id (the `id` of a listed item).', example: '12' });

export const parkedEventSchema = z.object({
  id: z.string().meta({ description: 'Id of the parked event in this index.' }),
  group: z.string().meta({ description: 'The consumer group that gave up on it; a replay reaches this group only.' }),
  originalTopic: z.string().meta({ example: 'ocpp.events' }),
  originalPartition: z.number().int(),
  originalOffset: z.string(),
  key: z.string().meta({ description: 'The record key (the station id on ocpp.events).' }),
  body: z.string().nullable().meta({ description: 'The kind of envelope body (`x-body` header), e.g. `securityEvent`; null when the producer set none.' }),
  correlationId: z.string().nullable(),
  errorClass: z.string().meta({ description: 'Class of the error the handler failed with, e.g. `QueryFailedError`.' }),
  errorMessage: z.string().meta({ description: 'Its message, without anything that looks like a credential.' }),
  attempts: z.number().int().meta({ description: 'Failed attempts before it was parked, transient ones included.' }),
  parkedAt: timestampSchema,
  replayCount: z.number().int().meta({ description: 'Times it was replayed from here.' }),
  lastReplayedAt: timestampSchema.nullable(),
});
export type ParkedEventView = z.output<typeof parkedEventSchema>;

export const parkedEventPageSchema = pageSchema(parkedEventSchema);

export const listParkedEventsQuery = z.strictObject({
  group: groupSchema.optional(),
  ...pageQuery(['integer']),
});
export type ListParkedEventsQuery = z.output<typeof listParkedEventsQuery>;

export const replayGroupBody = z.strictObject({ group: groupSchema });
export type ReplayGroupBody = z.output<typeof replayGroupBody>;

export const replayReportSchema = z.object({
  replayed: z.array(parkedEventSchema).meta({ description: 'The events replayed by this call, oldest first.' }),
  more: z.boolean().meta({ description: 'More events of the group wait for a replay: call again.' }),
});
export type ReplayReport = z.output<typeof replayReportSchema>;
