import { pageQuery } from '@app/runtime';
import { z } from 'zod';
import { limitValueSchema } from '../limits/limit-value.schemas';
import { MAX_NODES_PER_REQUEST, labelSchema, siteIdSchema } from './node-fields.schemas';
import { nodeInputSchema } from './node-input.schemas';

export const createSiteBody = z.strictObject({
  siteId: siteIdSchema,
  name: labelSchema.optional().meta({ description: 'A name for people.', example: 'Depot North' }),
  limit: limitValueSchema.optional().meta({ description: 'The site root’s default limit (e.g. the grid connection).' }),
  children: z.array(nodeInputSchema).max(MAX_NODES_PER_REQUEST).default([]).meta({ description: 'The tree below the root, nested to any depth: the whole site in one request.' }),
});
export type CreateSiteBody = z.output<typeof createSiteBody>;

export const listSitesQuery = z.strictObject({ ...pageQuery(1) });
export type ListSitesQuery = z.output<typeof listSitesQuery>;
