import { pageQuery, pageSchema, queryInstant } from '@app/runtime';
import { z } from 'zod';
import { sourceSchema } from '../limits/limit-source';
import { nodeIdSchema } from '../topology/node-fields.schemas';
import { auditActions } from './audit-entry';

export const auditEntrySchema = z.object({
  id: z.string().meta({ description: 'Increases with every change.' }),
  at: z.iso.datetime({ offset: true }).meta({ description: 'When the change was committed.' }),
  actor: z.string().meta({ description: 'Who: the API token’s name, or the part of the service that wrote (e.g. `oscp:<provider>`).' }),
  action: z.enum(auditActions),
  siteId: z.string(),
  nodeId: z.string().nullable(),
  source: z.string().nullable().meta({ description: 'The limit source, for limit changes.' }),
  before: z.unknown().meta({ description: 'The state before (JSON); null when it did not exist.' }),
  after: z.unknown().meta({ description: 'The state after (JSON); null when it no longer exists.' }),
});
export type AuditEntryView = z.output<typeof auditEntrySchema>;
export const auditPageSchema = pageSchema(auditEntrySchema);

export const listAuditQuery = z.strictObject({
  nodeId: nodeIdSchema.optional().meta({ description: 'Only changes of this node (its limits included).' }),
  source: sourceSchema.optional().meta({ description: 'Only changes of this limit source.' }),
  from: queryInstant().optional().meta({ description: 'Changed at or after this instant (ISO 8601 with offset).' }),
  to: queryInstant().optional().meta({ description: 'Changed before this instant.' }),
  ...pageQuery(['integer']),
});
export type ListAuditQuery = z.output<typeof listAuditQuery>;
