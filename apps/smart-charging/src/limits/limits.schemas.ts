import { queryInstant, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { scheduleViewSchema } from './limit-schedule.view';
import { limitValueSchema } from './limit-value.schemas';

const perPhase = <T extends z.ZodType>(item: T) => z.tuple([item, item, item]);

export const effectiveLimitSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  perPhaseA: perPhase(z.number().nullable()).meta({ description: 'Per grid phase L1, L2, L3, in A; null: unlimited.' }),
  totalW: z.number().nullable().meta({ description: 'In W; null: unlimited.' }),
  boundBy: z
    .object({ perPhaseA: perPhase(z.string().nullable()), totalW: z.string().nullable() })
    .meta({ description: 'The source that sets each bound (`node`: the node’s own default limit); null where unlimited.' }),
});
export type EffectiveLimitView = z.output<typeof effectiveLimitSchema>;

export const nodeLimitsSchema = z.object({
  siteId: z.string(),
  nodeId: z.string(),
  nodeLimit: limitValueSchema.nullable().meta({ description: 'The node’s own default limit (topology).' }),
  schedules: z.array(scheduleViewSchema).meta({ description: 'Every source’s schedule, by source.' }),
  effectiveNow: effectiveLimitSchema.meta({ description: 'The minimum of everything that applies now.' }),
  effectiveAt: effectiveLimitSchema.nullable().meta({ description: 'The same at the instant `at` asked for; null without `at`.' }),
});
export type NodeLimitsView = z.output<typeof nodeLimitsSchema>;

export const nodeLimitsQuery = z.strictObject({
  at: queryInstant().optional().meta({ description: 'Also the effective limit at this instant (ISO 8601 with offset).' }),
});
export type NodeLimitsQuery = z.output<typeof nodeLimitsQuery>;

export const deleteScheduleQuery = z.strictObject({
  version: queryInteger(1, 2_147_483_647).optional().meta({ description: 'The version being deleted: refused (409) when another write came first.' }),
});
export type DeleteScheduleQuery = z.output<typeof deleteScheduleQuery>;
