import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Adds "Required role: X." to the description of every operation that declares `x-required-role`. */
export function describeRequiredRoles(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const role: unknown = operation && Reflect.get(operation, 'x-required-role');
      if (!operation || typeof role !== 'string') continue;
      const note = `Required role: \`${role}\` (or higher).`;
      operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    }
  }
  return document;
}
