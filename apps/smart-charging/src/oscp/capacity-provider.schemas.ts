import { z } from 'zod';
import { nodeIdSchema, siteIdSchema } from '../topology/node-fields.schemas';

// The Capacity Provider registry's REST bodies and answers (capacity-providers.controller.ts).

export const providerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"')
  .meta({ description: 'Our id of the Capacity Provider; its forecasts limit nodes as source `oscp:<providerId>`.', example: 'DSO-NORTH' });

const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .meta({ description: 'The provider’s OSCP 2.0 base URL (where we send Heartbeat, Register, …). Set by its Register message when it registers itself.', example: 'https://dso.example/oscp/cp/2.0' });

const outboundTokenSchema = z
  .string()
  .min(16, 'must be at least 16 characters')
  .max(512)
  .meta({ description: 'The token we call the provider with (a secret: never shown again). Set by its Register message when it registers itself.' });

const intervalSchema = z.number().int('must be whole seconds').min(1, 'must be at least 1 s').max(86_400, 'must be at most 86400 s (a day)');

export const capacityGroupSchema = z
  .strictObject({
    groupId: z.string().min(1).max(255).meta({ description: 'The `group_id` the provider names in its forecasts.', example: 'TRAFO-17' }),
    siteId: siteIdSchema,
    nodeId: nodeIdSchema.meta({ description: 'The node the group’s capacity limits (often the site root, whose id is the site id).' }),
  })
  .meta({ id: 'OscpCapacityGroup' });

const groupsSchema = z
  .array(capacityGroupSchema)
  .max(1000)
  .superRefine((groups, context) => {
    const seen = new Map<string, number>();
    const nodes = new Map<string, number>();
    groups.forEach((group, index) => {
      const first = seen.get(group.groupId);
      if (first !== undefined) context.addIssue({ code: 'custom', path: [index, 'groupId'], message: `repeats groups[${first}].groupId` });
      seen.set(group.groupId, index);
      const node = `${group.siteId}/${group.nodeId}`;
      const other = nodes.get(node);
      if (other !== undefined) context.addIssue({ code: 'custom', path: [index, 'nodeId'], message: `node ${node} is already limited by groups[${other}]: one provider limits a node through one group` });
      nodes.set(node, index);
    });
  });

export const createProviderBody = z.strictObject({
  providerId: providerIdSchema,
  name: z.string().min(1).max(200).optional(),
  baseUrl: baseUrlSchema.optional(),
  outboundToken: outboundTokenSchema.optional(),
  heartbeatIntervalS: intervalSchema.default(60).meta({ description: 'How often we send heartbeats, and how long without a word from the provider before it counts as silent when it never said (offline_mode_at). A Handshake may change it.' }),
  groups: groupsSchema.default([]),
});
export type CreateProviderBody = z.output<typeof createProviderBody>;

export const updateProviderBody = z
  .strictObject({
    name: z.string().min(1).max(200).nullable().optional(),
    baseUrl: baseUrlSchema.nullable().optional(),
    outboundToken: outboundTokenSchema.nullable().optional(),
    heartbeatIntervalS: intervalSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'name at least one field to change');
export type UpdateProviderBody = z.output<typeof updateProviderBody>;

export const putGroupsBody = z.strictObject({ groups: groupsSchema });
export type PutGroupsBody = z.output<typeof putGroupsBody>;

const instant = z.iso.datetime({ offset: true });

const forecastSummary = z.object({ type: z.string(), blocks: z.number().int(), receivedAt: instant }).nullable();

export const providerViewSchema = z
  .object({
    providerId: z.string(),
    name: z.string().nullable(),
    baseUrl: z.string().nullable(),
    hasOutboundToken: z.boolean().meta({ description: 'Whether we have a token to call the provider with (never shown).' }),
    registered: z.boolean().meta({ description: 'Whether the OSCP Register exchange completed.' }),
    heartbeatIntervalS: z.number().int(),
    liveness: z.object({
      silent: z.boolean().meta({ description: 'Whether its fallback forecasts are applied.' }),
      silentFrom: instant.meta({ description: 'When it counts as silent unless it speaks again.' }),
      silentSince: instant.nullable(),
      lastContactAt: instant,
      lastHeartbeatAt: instant.nullable(),
      offlineModeAt: instant.nullable().meta({ description: 'What its last heartbeat said.' }),
    }),
    ourHeartbeats: z.object({ nextAt: instant, lastSentAt: instant.nullable(), lastOutcome: z.string().nullable() }),
    groups: z.array(capacityGroupSchema.extend({ normalForecast: forecastSummary, fallbackForecast: forecastSummary })),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'OscpCapacityProvider' });
export type ProviderView = z.output<typeof providerViewSchema>;

export const createdProviderSchema = z
  .object({
    provider: providerViewSchema,
    token: z.string().meta({ description: 'The token the provider calls us with (`Authorization: Token <token>`): shown this once, stored as a hash. Hand it to the provider out of band; its Register replaces it.' }),
  })
  .meta({ id: 'OscpCapacityProviderCreated' });

export const providerListSchema = z.object({ items: z.array(providerViewSchema) });

export const rotatedTokenSchema = z.object({ token: z.string().meta({ description: 'The provider’s new token; the previous one stops working now. Shown this once.' }) });
