import { z } from 'zod';
import { tokenRoles } from './api-role';
import type { ApiPrincipal } from './api-token';

export const callerIdentitySchema = z.object({
  name: z.string().meta({ description: 'The API token’s name, or `oidc:<subject>` for an OIDC access token.' }),
  roles: z.array(z.enum(tokenRoles)).meta({ description: 'The roles the credential holds (an OIDC token’s unknown role names are left out).' }),
  tenant: z.string().nullable().meta({ description: 'The tenant the caller is confined to; null: it sees every tenant.' }),
  sites: z.array(z.string()).meta({ description: 'The sites a grid-operator credential is granted; empty for every other role.' }),
  authenticatedBy: z.enum(['api-token', 'oidc']).meta({ description: 'Which kind of bearer token it presented.' }),
  expiresAt: z.string().nullable().meta({ description: 'When the credential stops being accepted (the token file’s `expiresAt`, the JWT’s `exp`), ISO 8601; null: never.' }),
});

export type CallerIdentity = z.output<typeof callerIdentitySchema>;

/** Who the bearer is, as the console shows it: never the credential itself. */
export function callerIdentityOf(principal: ApiPrincipal): CallerIdentity {
  return {
    name: principal.name,
    roles: [...principal.roles],
    tenant: principal.tenant ?? null,
    sites: [...(principal.sites ?? [])],
    authenticatedBy: principal.credential === 'oidc' ? 'oidc' : 'api-token',
    expiresAt: principal.expiresAt?.toISOString() ?? null,
  };
}
