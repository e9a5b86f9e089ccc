import { type ApiPrincipal, GRID_OPERATOR, grants, siteGranted } from '@app/runtime';
import { z } from 'zod';

/**
 * Who says a limit (docs/adr/013-smart-charging.md): `operator` and `grid-operator` through the
 * REST API; `oscp:<provider>`, `station:<stationId>[:<limitSource>:<evseId>]` and
 * `operator-profile:<stationId>[:<purpose>:<evseId>:<stackLevel>:<profileId>]` written by the
 * service itself (LimitScheduleStore; docs/adr/018-limits-set-by-others.md names them, see
 * external-limits/foreign-limit-source.ts). The database checks the same rule (migration
 * 1764220000001).
 */
export const SOURCE_PATTERN = /^(operator|grid-operator|oscp:[A-Za-z0-9._-]{1,64}|station:[A-Za-z0-9*=:+|@._-]{1,128}|operator-profile:[A-Za-z0-9*=:+|@._-]{1,128})$/;

export const SOURCE_RULE = 'must be operator, grid-operator, oscp:<provider>, station:<stationId>[:...] or operator-profile:<stationId>[:...]';

export const apiSources = ['operator', GRID_OPERATOR] as const;
export type ApiSource = (typeof apiSources)[number];

export const sourceSchema = z
  .string()
  .regex(SOURCE_PATTERN, SOURCE_RULE)
  .meta({ description: 'Who says the limit.', example: 'grid-operator' });

export const apiSourceSchema = z
  .enum(apiSources, { error: 'must be operator or grid-operator: other sources are written by the service itself' })
  .meta({ description: 'The source written through the API: `operator` or `grid-operator`.' });

/**
 * Whether the caller may write (replace or delete) the schedule of `source` on a node of `siteId`:
 * `operator` limits by operators and admins; `grid-operator` limits by a grid-operator token
 * granted the site, and by admins (an operator may not lift what the grid operator set).
 */
export function mayWriteSource(principal: Pick<ApiPrincipal, 'roles' | 'sites'>, siteId: string, source: ApiSource): boolean {
  if (source === 'operator') return grants(principal.roles, 'operator');
  return grants(principal.roles, 'admin') || siteGranted(principal, siteId);
}
