import { queryInstant, queryInteger } from '@app/runtime';
import { z } from 'zod';

export const DEFAULT_RANGE_MS = 3 * 3600 * 1000;
export const MAX_RANGE_MS = 31 * 24 * 3600 * 1000;
export const DEFAULT_MAX_POINTS = 720;
export const MAX_MAX_POINTS = 5000;

const instant = z.iso.datetime({ offset: true });
const triple = z.tuple([z.number(), z.number(), z.number()]);

export const drawHistoryQuery = z.strictObject({
  from: queryInstant().optional().meta({ description: 'Samples at or after this instant (ISO 8601 with offset); default: 3 hours before `to`.' }),
  to: queryInstant().optional().meta({ description: 'Samples before this instant; default: now. At most 31 days after `from`.' }),
  maxPoints: queryInteger(1, MAX_MAX_POINTS)
    .optional()
    .meta({ description: `The most points per node (default ${DEFAULT_MAX_POINTS}): more samples than this are folded into equal time buckets.` }),
});
export type DrawHistoryQuery = z.output<typeof drawHistoryQuery>;

const limitNow = z
  .object({
    limitA: triple.nullable().meta({ description: 'A per grid phase (L1, L2, L3); null: no per-phase limit.' }),
    limitW: z.number().nullable().meta({ description: 'W over all phases; null: no power limit.' }),
  })
  .nullable()
  .meta({ description: 'The node’s effective limit in the site’s latest plan (the least of its own and every source’s); null when the site has not been planned.' });

const pointSchema = z.object({
  at: instant.meta({ description: 'When the sample was taken, or the start of its bucket.' }),
  limitA: triple.nullable().meta({ description: 'The effective limit, A per grid phase; in a bucket, the one at its end. Null: none per phase.' }),
  limitW: z.number().nullable().meta({ description: 'The effective power limit, W; in a bucket, the one at its end. Null: none.' }),
  allocatedA: triple.meta({ description: 'What the plan put on the node (allocated sessions and fixed loads), A per grid phase; in a bucket, the mean.' }),
  allocatedW: z.number().meta({ description: 'The same in W; in a bucket, the mean.' }),
  drawnA: triple.meta({ description: 'What the sessions below the node drew, as their stations last reported, A per grid phase; in a bucket, the maximum per phase.' }),
  samples: z.number().int().meta({ description: 'How many samples the point stands for (1 unless folded).' }),
});

const nodeHistory = {
  nodeId: z.string(),
  current: limitNow,
  bucketSeconds: z.number().nullable().meta({ description: 'The width of a bucket when the samples were folded (more than maxPoints), else null.' }),
  points: z.array(pointSchema).meta({ description: 'Oldest first.' }),
};

const range = {
  siteId: z.string(),
  from: instant,
  to: instant,
  sampleSeconds: z.number().meta({ description: 'How often a node is sampled (DRAW_HISTORY_SAMPLE_SECONDS); a limit change adds a sample at once.' }),
};

export const nodeDrawHistorySchema = z.object({ ...range, ...nodeHistory });
export const siteDrawHistorySchema = z.object({ ...range, nodes: z.array(z.object(nodeHistory)).meta({ description: 'Every node of the site, by id.' }) });
export type NodeDrawHistory = z.input<typeof nodeDrawHistorySchema>;
export type SiteDrawHistory = z.input<typeof siteDrawHistorySchema>;
