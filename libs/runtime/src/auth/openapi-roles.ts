import type { OpenAPIObject } from '@nestjs/swagger';
import { ANY_ROLE, type ApiRole, GRID_OPERATOR, apiRoles, rolesAdmitted, tokenRoles } from './api-role';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function isApiRole(role: string | undefined): role is ApiRole {
  return (apiRoles as readonly string[]).includes(role ?? '');
}

function note(required: string, siteParameter: unknown): string {
  if (required === ANY_ROLE) return `Required role: any (every valid token: ${tokenRoles.map((name) => `\`${name}\``).join(', ')}).`;
  const [role, ...others] = required.split('|');
  const admitted = isApiRole(role) ? rolesAdmitted(role) : [role];
  const gridOperator = others.includes(GRID_OPERATOR)
    ? `, or \`${GRID_OPERATOR}\` for a site granted to the token${typeof siteParameter === 'string' ? ` (path parameter \`${siteParameter}\`)` : ''}`
    : '';
  return `Required role: \`${role}\` (roles admitted: ${admitted.map((name) => `\`${name}\``).join(', ')})${gridOperator}.`;
}

/**
 * Adds "Required role: X (roles admitted: …)." to the description of every operation that
 * declares `x-required-role`, and names the grid-operator alternative where `x-required-role`
 * lists it (`operator|grid-operator`).
 */
export function describeRequiredRoles(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const role: unknown = operation && Reflect.get(operation, 'x-required-role');
      if (!operation || typeof role !== 'string') continue;
      const text = note(role, Reflect.get(operation, 'x-grid-operator-site'));
      operation.description = operation.description ? `${operation.description}\n\n${text}` : text;
    }
  }
  return document;
}
