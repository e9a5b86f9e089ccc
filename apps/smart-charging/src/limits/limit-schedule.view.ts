import { z } from 'zod';
import { type LimitSchedule, limitSlotSchema } from './limit-schedule.schemas';
import type { ScheduleRow } from './limit-schedule.repository';
import { limitValueSchema } from './limit-value.schemas';

/** A schedule as kept: who wrote it last and when, and its version (raised by every replace). */
export interface StoredSchedule extends LimitSchedule {
  nodeId: string;
  source: string;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export function storedScheduleOf(row: ScheduleRow): StoredSchedule {
  return {
    nodeId: row.node_id,
    source: row.source,
    default: row.default_limit,
    slots: row.slots,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
}

/** What the audit log keeps of a schedule, before and after a change. */
export function scheduleAuditOf(schedule: StoredSchedule): { default: StoredSchedule['default']; slots: StoredSchedule['slots']; version: number } {
  return { default: schedule.default, slots: schedule.slots, version: schedule.version };
}

export const scheduleViewSchema = z.object({
  siteId: z.string(),
  nodeId: z.string(),
  source: z.string(),
  default: limitValueSchema.nullable(),
  slots: z.array(limitSlotSchema).meta({ description: 'In time order; starts in UTC.' }),
  version: z.number().int().meta({ description: 'Raised by every replace; send it with the next one to refuse a lost update (409).' }),
  updatedBy: z.string().meta({ description: 'The API token’s name, or the part of the service that wrote.' }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ScheduleView = z.output<typeof scheduleViewSchema>;

export function scheduleViewOf(siteId: string, schedule: StoredSchedule): ScheduleView {
  return {
    siteId,
    nodeId: schedule.nodeId,
    source: schedule.source,
    default: schedule.default,
    slots: schedule.slots,
    version: schedule.version,
    updatedBy: schedule.updatedBy,
    updatedAt: schedule.updatedAt.toISOString(),
  };
}
