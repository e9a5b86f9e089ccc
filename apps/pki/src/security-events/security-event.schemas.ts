import { pageQuery, pageSchema, queryInstant, stationIdSchema } from '@app/runtime';
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const securityEventSchema = z.object({
  eventId: z.string().meta({ description: 'Id of the event on ocpp.events.' }),
  stationId: z.string(),
  type: z.string().meta({ description: 'OCPP security event type, e.g. SecurityProfileDowngrade, InvalidCredentials, TamperDetectionActivated.', example: 'InvalidCredentials' }),
  at: timestamp.meta({ description: 'When it happened: the station’s own timestamp, or when the CSMS raised it.' }),
  techInfo: z.string().nullable().meta({ description: 'Technical detail from the station, or why the CSMS raised it.' }),
  raisedByCsms: z.boolean().meta({ description: 'Raised by the CSMS (e.g. a refused connection), not reported by the station.' }),
  receivedAt: timestamp.meta({ description: 'When the PKI service stored it.' }),
});

export const securityEventPageSchema = pageSchema(securityEventSchema);
export type SecurityEventView = z.output<typeof securityEventSchema>;

export const listSecurityEventsQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  type: z.string().min(1).max(50).optional().meta({ description: 'Only events of this type.' }),
  from: queryInstant().optional().meta({ description: 'Happened at or after this instant (ISO 8601 with offset).' }),
  to: queryInstant().optional().meta({ description: 'Happened before this instant.' }),
  ...pageQuery(['timestamp', 'text']),
});
export type ListSecurityEventsQuery = z.output<typeof listSecurityEventsQuery>;
