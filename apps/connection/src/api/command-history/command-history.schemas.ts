import { pageQuery, pageSchema } from '@app/runtime';
import { z } from 'zod';
import { instantQuery, stationIdSchema, timestampSchema } from '../api-schemas';

export const commandStatuses = ['accepted', 'rejected', 'call-error', 'timeout', 'not-connected', 'invalid'] as const;

export const commandRecordSchema = z.object({
  commandId: z.string().meta({ description: 'Id of the command on ocpp.commands / ocpp.results (the `commandId` a command endpoint answered with).' }),
  stationId: z.string(),
  originService: z.string().meta({ description: 'Service that sent it: `connection` (operator REST API), `smart-charging`, `pki`, ...' }),
  actor: z.string().nullable().meta({ description: 'Name of the API token that sent it; null for a command a service decided on by itself.' }),
  command: z.string().meta({ description: 'The version-neutral command, e.g. `reset`, `triggerMessage`, `rawCall`.', example: 'reset' }),
  action: z.string().nullable().meta({ description: 'The OCPP action it became in the station’s version; null when it never became one (not connected, not expressible).' }),
  request: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The OCPP payload as mapped for the station (credentials shown as "[redacted]").' }),
  issuedAt: timestampSchema,
  completedAt: timestampSchema,
  status: z.enum(commandStatuses).meta({ description: 'accepted / rejected (the station’s answer), call-error (it answered CALLERROR), timeout, not-connected, invalid (not expressible in its version).' }),
  response: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The station’s answer, version-neutral (credentials shown as "[redacted]"); null unless accepted or rejected.' }),
  errorCode: z.string().nullable().meta({ description: 'The station’s CALLERROR code, or why the command failed.' }),
  errorDescription: z.string().nullable(),
  replica: z.number().int().meta({ description: 'Connection replica (ocpp.commands partition) that ran it.' }),
});

export const commandPageSchema = pageSchema(commandRecordSchema);

export type CommandRecordView = z.output<typeof commandRecordSchema>;

export const listCommandsQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  status: z.enum(commandStatuses).optional(),
  from: instantQuery.optional().meta({ description: 'Issued at or after this instant (ISO 8601 with offset).' }),
  to: instantQuery.optional().meta({ description: 'Issued before this instant.' }),
  ...pageQuery(['timestamp', 'text']),
});
export type ListCommandsQuery = z.output<typeof listCommandsQuery>;

export const commandIdSchema = z.string().min(1).max(64).meta({ description: 'Command id.', example: '6f1c2d7e-3b7a-4e0f-9c1d-2a5b8e4f7a10' });
