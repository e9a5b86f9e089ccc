import { z } from 'zod';
import { pageQuery, pageSchema } from '../rest/pagination';
import { queryInstant } from '../rest/query-params';

const label = z.string().min(1).max(200);

export const listMutationAuditQuery = z.strictObject({
  actor: label.optional().meta({ description: 'Only changes by this principal (its name).' }),
  resourceType: label.optional().meta({ description: 'Only changes of this resource type (e.g. `stations`).' }),
  resourceId: label.optional().meta({ description: 'Only changes of this resource (with or without resourceType).' }),
  action: label.optional().meta({ description: 'Only this operation: its OpenAPI operationId (`<Controller>_<handler>`, e.g. `StationsController_register`).' }),
  from: queryInstant().optional().meta({ description: 'Attempted at or after this instant (ISO 8601 with offset).' }),
  to: queryInstant().optional().meta({ description: 'Attempted before this instant.' }),
  ...pageQuery(['integer']),
});
export type ListMutationAuditQuery = z.output<typeof listMutationAuditQuery>;

const stateChangeSchema = z.object({
  path: z.string().meta({ description: 'Dotted path of the field that changed; empty for the whole resource (created or deleted).' }),
  before: z.unknown(),
  after: z.unknown(),
});

export const mutationAuditEntrySchema = z.object({
  id: z.string().meta({ description: 'Increases with every entry.' }),
  at: z.iso.datetime({ offset: true }).meta({ description: 'When the request was attempted.' }),
  completedAt: z.iso.datetime({ offset: true }).nullable().meta({ description: 'When its outcome was written; null when it never was.' }),
  actor: z.object({
    name: z.string().meta({ description: 'The principal’s name (never its credential).' }),
    roles: z.array(z.string()),
    tenant: z.string().nullable(),
    credential: z.string().meta({ description: 'How it authenticated, e.g. `api-token`.' }),
  }),
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  route: z.string().meta({ description: 'The route template under /api, e.g. `/stations/:id`.' }),
  action: z.string().meta({ description: 'The OpenAPI operationId of the route.' }),
  pathParams: z.record(z.string(), z.string()),
  resource: z.object({ type: z.string(), id: z.string().nullable() }),
  body: z.unknown().meta({ description: 'The request body, secrets replaced by `[redacted]`.' }),
  status: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The HTTP status answered: 2xx done, 4xx/5xx not done (403: refused for lack of a role). Null: the outcome was never written (the process stopped mid-request).' }),
  before: z.unknown().meta({ description: 'The resource’s state before (JSON, secrets redacted); null when it did not exist or the resource type keeps no state.' }),
  after: z.unknown().meta({ description: 'Its state after a change that succeeded; null otherwise.' }),
  changes: z.array(stateChangeSchema).nullable().meta({ description: 'The fields that changed between before and after.' }),
});
export type MutationAuditEntryView = z.output<typeof mutationAuditEntrySchema>;
export const mutationAuditPageSchema = pageSchema(mutationAuditEntrySchema);
