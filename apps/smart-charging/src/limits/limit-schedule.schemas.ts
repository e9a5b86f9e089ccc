import { z } from 'zod';
import type { LimitSlot, LimitValue } from './effective-limit';
import { hasLimitValue, limitValueSchema, perPhaseASchema, totalWSchema } from './limit-value.schemas';
import { slotOverlaps } from './slot-overlap';

export const MAX_SLOTS = 1000;
export const MAX_SLOT_DURATION_S = 366 * 86_400;

export const limitSlotSchema = z
  .strictObject({
    start: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with offset, e.g. 2025-06-01T17:00:00+02:00' }).meta({
      description: 'When the slot begins: ISO 8601 with offset (Z or ±hh:mm).',
      example: '2025-06-01T17:00:00+02:00',
    }),
    durationS: z
      .number()
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1 s')
      .max(MAX_SLOT_DURATION_S, `must be at most ${MAX_SLOT_DURATION_S} s (366 days)`)
      .meta({ description: 'How long it applies, in seconds.', example: 3600 }),
    perPhaseA: perPhaseASchema.optional(),
    totalW: totalWSchema.optional(),
  })
  .refine(hasLimitValue, 'a slot needs perPhaseA or totalW (or both)');

const scheduleShape = {
  default: limitValueSchema.nullable().default(null).meta({ description: 'Applies when no slot does; null or absent: unlimited outside the slots.' }),
  slots: z.array(limitSlotSchema).max(MAX_SLOTS, `must hold at most ${MAX_SLOTS} slots`).default([]).meta({ description: 'Time slots; they must not overlap.' }),
};

function refuseOverlaps(schedule: { slots: readonly { start: string; durationS: number }[] }, context: z.RefinementCtx): void {
  for (const overlap of slotOverlaps(schedule.slots)) context.addIssue({ code: 'custom', path: ['slots', overlap.index, 'start'], message: overlap.message });
}

/** A schedule as the service's own writers hand it to LimitScheduleStore. */
export const limitScheduleSchema = z.strictObject(scheduleShape).superRefine(refuseOverlaps);

/** The body of PUT …/limits/{source}: the schedule, and optionally the version it replaces. */
export const putLimitScheduleBody = z
  .strictObject({
    ...scheduleShape,
    version: z.number().int().min(1).optional().meta({ description: 'The version this replaces: the write is refused (409) when another came first. Absent: replace whatever is there.' }),
  })
  .superRefine(refuseOverlaps);
export type PutLimitScheduleBody = z.output<typeof putLimitScheduleBody>;

/** A validated schedule: slots in time order, starts in UTC. */
export interface LimitSchedule {
  default: LimitValue | null;
  slots: LimitSlot[];
}

export function normalisedSchedule(schedule: { default: LimitValue | null; slots: readonly LimitSlot[] }): LimitSchedule {
  const slots = schedule.slots.map((slot) => ({ ...slot, start: new Date(slot.start).toISOString() }));
  slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { default: schedule.default, slots };
}
