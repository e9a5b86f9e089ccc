import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { timeoutSecondsField } from '../commands/ocpp201-fields';

const priority = z.enum(['AlwaysFront', 'InFront', 'NormalCycle']).meta({ description: 'AlwaysFront: shown instead of any other; InFront: before the cycle; NormalCycle: in turn.' });
const state = z.enum(['Charging', 'Faulted', 'Idle', 'Unavailable']).meta({ description: 'Only shown while the station is in this state.' });
const messageId = z.number().int().min(0).max(2147483647);

const messageContent = z.strictObject({
  format: z.enum(['ASCII', 'HTML', 'URI', 'UTF8']),
  language: z.string().min(1).max(8).optional().meta({ description: 'RFC 5646 language tag, e.g. en or de-CH.' }),
  content: z.string().min(1).max(512),
});

const display = z.strictObject({
  name: z.string().min(1).max(50).meta({ description: 'The display component, e.g. DisplayMessageCtrlr.' }),
  instance: z.string().min(1).max(50).optional(),
  evse: z.strictObject({ id: z.number().int().min(0), connectorId: z.number().int().min(0).optional() }).optional(),
});

export const displayMessageSchema = z.object({
  id: messageId,
  priority,
  state: state.optional(),
  startDateTime: timestampSchema.optional().meta({ description: 'Shown from then on; omitted: from now.' }),
  endDateTime: timestampSchema.optional().meta({ description: 'Removed by the station then; omitted: until cleared.' }),
  transactionId: z.string().min(1).max(36).optional().meta({ description: 'Only shown during this transaction.' }),
  message: messageContent,
  display: display.optional(),
});

export const setDisplayMessageBody = z
  .strictObject({ ...displayMessageSchema.shape, timeoutSeconds: timeoutSecondsField })
  .refine((body) => body.startDateTime === undefined || body.endDateTime === undefined || Date.parse(body.endDateTime) > Date.parse(body.startDateTime), {
    path: ['endDateTime'],
    message: 'must be after startDateTime',
  });
export type SetDisplayMessageBody = z.output<typeof setDisplayMessageBody>;

export const storedDisplayMessageSchema = displayMessageSchema.extend({
  source: z.enum(['set', 'reported']).meta({ description: 'set: accepted by the station in answer to SetDisplayMessage; reported: in a NotifyDisplayMessages.' }),
  updatedAt: timestampSchema,
});
export const displayMessageListSchema = z.object({ items: z.array(storedDisplayMessageSchema) });

export const messageIdParam = z.coerce.number().int().min(0).max(2147483647);
export const requestIdParam = z.coerce.number().int().min(1).max(2147483647);

export const clearDisplayMessageBody = z.strictObject({ timeoutSeconds: timeoutSecondsField }).optional();

export const requestDisplayMessagesBody = z.strictObject({
  ids: z.array(messageId).min(1).max(100).optional().meta({ description: 'Only these messages; omitted: all.' }),
  priority: priority.optional(),
  state: state.optional(),
  timeoutSeconds: timeoutSecondsField,
});
export type RequestDisplayMessagesBody = z.output<typeof requestDisplayMessagesBody>;

export const displayMessageRequestSchema = z.object({
  requestId: z.number().int(),
  criteria: z.object({ ids: z.array(z.number().int()).optional(), priority: priority.optional(), state: state.optional() }),
  status: z
    .enum(['requested', 'accepted', 'rejected', 'failed', 'complete'])
    .meta({ description: 'requested: sent; accepted: the station will report; complete: its last part came (or it has no such message); failed: never reached the station.' }),
  stationStatus: z.string().nullable(),
  parts: z.number().int().meta({ description: 'NotifyDisplayMessages parts received.' }),
  reportedIds: z.array(z.number().int()),
  requestedAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
});
