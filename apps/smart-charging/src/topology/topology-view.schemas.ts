import { pageSchema } from '@app/runtime';
import { z } from 'zod';
import { limitValueSchema } from '../limits/limit-value.schemas';
import { evseIdSchema, maxASchema, minASchema, phaseCountSchema, prioritySchema, ratingSchema, wiringSchema } from './node-fields.schemas';
import { type GridPhase, type NodeKind, type PhaseCount, type Rating, nodeKinds } from './topology.model';

const timestamp = z.iso.datetime({ offset: true });

export const nodeViewSchema = z.object({
  nodeId: z.string(),
  kind: z.enum(nodeKinds),
  parentId: z.string().nullable().meta({ description: 'Null for the site root.' }),
  label: z.string().nullable(),
  limit: limitValueSchema.nullable().meta({ description: 'The node’s own default limit (its limit schedules: …/limits).' }),
  stationId: z.string().optional().meta({ description: 'Chargers only.' }),
  wiring: wiringSchema.optional().meta({ description: 'Chargers only.' }),
  rating: ratingSchema.optional().meta({ description: 'Chargers only.' }),
  evseId: evseIdSchema.optional().meta({ description: 'EVSEs only.' }),
  minA: minASchema.optional(),
  maxA: maxASchema.optional(),
  phases: phaseCountSchema.optional(),
  priority: prioritySchema.optional(),
  version: z.number().int().meta({ description: 'Send it back with a change: a change based on an older version is refused (409).' }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export interface NodeView {
  nodeId: string;
  kind: NodeKind;
  parentId: string | null;
  label: string | null;
  limit: { perPhaseA?: [number, number, number]; totalW?: number } | null;
  stationId?: string;
  wiring?: GridPhase[];
  rating?: Rating;
  evseId?: number;
  minA?: number;
  maxA?: number;
  phases?: PhaseCount;
  priority?: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TreeNodeView extends NodeView {
  children: TreeNodeView[];
}

export const treeNodeViewSchema: z.ZodType<TreeNodeView> = nodeViewSchema
  .extend({
    get children(): z.ZodArray<z.ZodType<TreeNodeView>> {
      return z.array(treeNodeViewSchema);
    },
  })
  .meta({ id: 'TopologyTreeNode' });

const siteFields = {
  siteId: z.string(),
  name: z.string().nullable(),
  tenant: z.string().nullable().meta({ description: 'The operator organisation the site belongs to; null: none.' }),
  nodeCount: z.number().int().meta({ description: 'Nodes of the tree, the root included.' }),
  createdAt: timestamp,
  updatedAt: timestamp.meta({ description: 'Last change of the site or any of its nodes.' }),
};

export const siteSummarySchema = z.object({ ...siteFields, limit: limitValueSchema.nullable().meta({ description: 'The root’s default limit.' }) });
export type SiteSummaryView = z.output<typeof siteSummarySchema>;
export const sitePageSchema = pageSchema(siteSummarySchema);

export const siteTreeSchema = z.object({ ...siteFields, root: treeNodeViewSchema });
export interface SiteTreeView extends Omit<z.output<typeof siteTreeSchema>, 'root'> {
  root: TreeNodeView;
}

export const nodeLocationSchema = z.object({
  siteId: z.string(),
  path: z.array(z.string()).meta({ description: 'Node ids from the site root down to the node’s parent: every node whose limits apply above it.' }),
  node: treeNodeViewSchema,
});
export interface NodeLocationView {
  siteId: string;
  path: string[];
  node: TreeNodeView;
}
