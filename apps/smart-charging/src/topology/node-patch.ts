import type { FieldError } from '@app/runtime';
import { z } from 'zod';
import { limitValueSchema } from '../limits/limit-value.schemas';
import {
  evseIdSchema,
  labelSchema,
  maxASchema,
  minASchema,
  nodeIdSchema,
  phaseCountSchema,
  prioritySchema,
  ratingSchema,
  stationIdSchema,
  wiringSchema,
} from './node-fields.schemas';
import { aKind } from './node-placement';
import type { NodeRecord } from './topology.model';

export const patchNodeBody = z.strictObject({
  version: z.number().int().min(1).meta({ description: 'The version this change is based on (from the node as read): 409 if the node changed since.' }),
  parentId: nodeIdSchema.optional().meta({ description: 'Moves the node (and everything below it) under another node of the site.' }),
  label: labelSchema.nullable().optional(),
  limit: limitValueSchema.nullable().optional().meta({ description: 'The node’s own default limit; null removes it.' }),
  stationId: stationIdSchema.optional(),
  wiring: wiringSchema.optional(),
  rating: ratingSchema.optional(),
  evseId: evseIdSchema.optional(),
  minA: minASchema.optional(),
  maxA: maxASchema.optional(),
  phases: phaseCountSchema.optional(),
  priority: prioritySchema.optional(),
});
export type PatchNodeBody = z.output<typeof patchNodeBody>;

const chargerFields = ['stationId', 'wiring', 'rating'] as const;
const evseFields = ['evseId', 'minA', 'maxA', 'phases', 'priority'] as const;

/**
 * The node with a change applied, or what is wrong with the change on its own: fields of another
 * kind, a minimum above the maximum, a parent for the root. Whether the new parent, station id or
 * EVSE id fit the rest of the site is the caller's to check.
 */
export function patchedRecord(node: NodeRecord, patch: PatchNodeBody): { record: NodeRecord; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const foreign = (fields: readonly (keyof PatchNodeBody)[], kinds: string) => {
    for (const field of fields) if (patch[field] !== undefined) errors.push({ field: `body.${field}`, message: `only ${kinds} have it; ${node.nodeId} is ${aKind(node.kind)}` });
  };
  if (node.kind !== 'charger') foreign(chargerFields, 'chargers');
  if (node.kind !== 'evse') foreign(evseFields, 'EVSEs');
  if (patch.parentId !== undefined && node.parentId === null) errors.push({ field: 'body.parentId', message: 'the site root has no parent' });
  const record: NodeRecord = {
    ...node,
    parentId: node.parentId === null ? null : (patch.parentId ?? node.parentId),
    label: patch.label === undefined ? node.label : patch.label,
    limit: patch.limit === undefined ? node.limit : patch.limit,
    ...(node.kind === 'charger' ? { stationId: patch.stationId ?? node.stationId, wiring: patch.wiring ?? node.wiring, rating: patch.rating ?? node.rating } : {}),
    ...(node.kind === 'evse'
      ? { evseId: patch.evseId ?? node.evseId, minA: patch.minA ?? node.minA, maxA: patch.maxA ?? node.maxA, phases: patch.phases ?? node.phases, priority: patch.priority ?? node.priority }
      : {}),
  };
  if (record.minA !== null && record.maxA !== null && record.minA > record.maxA) {
    errors.push(patch.maxA !== undefined ? { field: 'body.maxA', message: `must be at least minA (${record.minA})` } : { field: 'body.minA', message: `must be at most maxA (${record.maxA})` });
  }
  return { record, errors };
}
