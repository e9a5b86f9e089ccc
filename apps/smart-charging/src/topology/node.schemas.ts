import { queryBoolean, queryInteger } from '@app/runtime';
import { z } from 'zod';

export const deleteNodeQuery = z.strictObject({
  version: queryInteger(1, 2_147_483_647).optional().meta({ description: 'The version being deleted: refused (409) when the node changed since.' }),
  recursive: queryBoolean().optional().meta({ description: 'Also delete every node below (default false: a node with children is refused, 409).' }),
});
export type DeleteNodeQuery = z.output<typeof deleteNodeQuery>;
