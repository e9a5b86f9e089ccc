import type { Type } from '@nestjs/common';

/**
 * The state of one resource as the audit shows it before and after a change: the service's own
 * view of it (null when it does not exist). Secrets in it are redacted on the way in.
 */
export interface AuditSnapshotSource {
  snapshot(resourceId: string, pathParams: Readonly<Record<string, string>>): Promise<unknown>;
}

/**
 * Names the resource the mutating routes of a controller change, and where its state is read:
 * a small per-service table instead of decorators, so the controllers stay as they are.
 */
export interface AuditResource {
  controller: Type<unknown>;
  /** The handlers this applies to; all of the controller's when absent. */
  handlers?: readonly string[];
  /** The resource type shown in entries, e.g. `stations`. */
  type: string;
  /** The path parameter holding the resource's id; absent (or absent from the path): the id in the handler's result (a creation). */
  idParam?: string;
  /** The field of the handler's result holding the id of what it created; `id` when absent. */
  resultId?: string;
  snapshot?: Type<AuditSnapshotSource>;
}

export interface ResolvedResource {
  type: string;
  idParam: string | undefined;
  resultId: string;
  snapshot: Type<AuditSnapshotSource> | undefined;
}

/**
 * What a route changes when no AuditResource says so: the collection segment before the route's
 * last path parameter and that parameter (`/sites/:siteId/nodes/:nodeId/limits` → `nodes`,
 * `nodeId`), or the last segment and no id for a route without parameters (`POST /stations`).
 */
export function resourceOfRoute(route: string): ResolvedResource {
  const segments = route.split('/').filter(Boolean);
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index] ?? '';
    if (!segment.startsWith(':')) continue;
    const collection = segments.slice(0, index).reverse().find((part) => !part.startsWith(':'));
    return { type: collection ?? segment.slice(1), idParam: segment.slice(1), resultId: 'id', snapshot: undefined };
  }
  return { type: segments[segments.length - 1] ?? 'api', idParam: undefined, resultId: 'id', snapshot: undefined };
}

export function resourceOf(resources: readonly AuditResource[], controller: Type<unknown>, handler: string, route: string): ResolvedResource {
  const declared = resources.find((resource) => resource.controller === controller && (resource.handlers === undefined || resource.handlers.includes(handler)));
  if (declared === undefined) return resourceOfRoute(route);
  return { type: declared.type, idParam: declared.idParam, resultId: declared.resultId ?? 'id', snapshot: declared.snapshot };
}
