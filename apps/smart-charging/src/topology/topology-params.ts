import { type ApiPrincipal, ZodValidationPipe } from '@app/runtime';
import { nodeIdSchema, siteIdSchema } from './node-fields.schemas';

// What the REST routes under /sites/{siteId}/… share: their path parameters and who acts.

export const sitePipe = new ZodValidationPipe(siteIdSchema, 'path.siteId');
export const nodePipe = new ZodValidationPipe(nodeIdSchema, 'path.nodeId');

/** A caller without a principal (the guard always sets one): no name, no role. */
const NOBODY: ApiPrincipal = { name: 'unknown', roles: [] };

/** Who calls, for permission checks and the audit log. */
export const principalOf = (principal: ApiPrincipal | undefined): ApiPrincipal => principal ?? NOBODY;

/** Who changed something, for the audit log: the API token's name. */
export const actorOf = (principal: ApiPrincipal | undefined): string => principalOf(principal).name;
