import { z } from 'zod';
import type { LimitValue } from '../limits/effective-limit';
import { limitValueSchema } from '../limits/limit-value.schemas';
import {
  MAX_NODES_PER_REQUEST,
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
import { type GridPhase, type GroupKind, type PhaseCount, type Rating, groupKinds } from './topology.model';

interface NodeInputCommon {
  label?: string;
  limit?: LimitValue;
  parentId?: string;
}

export interface GroupInput extends NodeInputCommon {
  kind: GroupKind;
  nodeId: string;
  children?: NodeInput[];
}

export interface ChargerInput extends NodeInputCommon {
  kind: 'charger';
  nodeId?: string;
  stationId: string;
  wiring?: [GridPhase, GridPhase, GridPhase];
  rating: Rating;
  children?: NodeInput[];
}

export interface EvseInput extends NodeInputCommon {
  kind: 'evse';
  nodeId?: string;
  evseId: number;
  minA: number;
  maxA: number;
  phases: PhaseCount;
  priority: number;
}

/** A node to add and the nodes below it, as validated. */
export type NodeInput = GroupInput | ChargerInput | EvseInput;

/** The same as sent: before defaults (minA, priority) are filled in. */
export type NodeInputIn =
  | (Omit<GroupInput, 'children'> & { children?: NodeInputIn[] })
  | (Omit<ChargerInput, 'children'> & { children?: NodeInputIn[] })
  | (Omit<EvseInput, 'minA' | 'priority'> & { minA?: number; priority?: number });

export const DEFAULT_MIN_A = 6;

const common = {
  label: labelSchema.optional(),
  limit: limitValueSchema.optional().meta({ description: 'The node’s own default limit; its limit schedules come on top (…/limits).' }),
  parentId: nodeIdSchema.optional().meta({ description: 'Only for the node a request adds (default: the site root); nested nodes are under the node that holds them.' }),
};

const childrenOf = (): z.ZodOptional<z.ZodArray<z.ZodType<NodeInput, NodeInputIn>>> => z.array(nodeInputSchema).max(MAX_NODES_PER_REQUEST).optional().meta({ description: 'Nodes below this one, nested to any depth.' });

const groupInput = z.strictObject({
  kind: z.enum(groupKinds),
  nodeId: nodeIdSchema,
  ...common,
  get children() {
    return childrenOf();
  },
});

const chargerInput = z.strictObject({
  kind: z.literal('charger'),
  nodeId: nodeIdSchema.optional().meta({ description: 'Default: the station id.' }),
  stationId: stationIdSchema,
  wiring: wiringSchema.optional().meta({ description: 'Default ["L1","L2","L3"].' }),
  rating: ratingSchema,
  ...common,
  get children() {
    return childrenOf();
  },
});

const evseInput = z
  .strictObject({
    kind: z.literal('evse'),
    nodeId: nodeIdSchema.optional().meta({ description: 'Default: `<charger node id>:<evseId>`.' }),
    evseId: evseIdSchema,
    minA: minASchema.default(DEFAULT_MIN_A),
    maxA: maxASchema,
    phases: phaseCountSchema,
    priority: prioritySchema.default(0),
    ...common,
  })
  .superRefine((evse, context) => {
    if (evse.minA > evse.maxA) context.addIssue({ code: 'custom', path: ['maxA'], message: `must be at least minA (${evse.minA})` });
  });

/** A node to add, with the nodes below it: what POST /sites and POST /sites/{siteId}/nodes take. */
export const nodeInputSchema: z.ZodType<NodeInput, NodeInputIn> = z
  .discriminatedUnion('kind', [groupInput, chargerInput, evseInput], { error: 'must be feeder, cabinet, transformer, charger or evse' })
  .meta({ id: 'TopologyNodeInput' });

