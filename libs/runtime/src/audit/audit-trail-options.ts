import type { Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { ApiRole } from '../auth/api-role';
import { type AuditResource, type ResolvedResource, resourceOf } from './audit-resource';

/** What one service's audit trail covers and how it reads its resources. */
export interface AuditTrailOptions {
  /** The service, as it names the audit route: `GET /api/audit/<service>`. */
  service: string;
  /** Every controller of the service's REST API: each of their mutating routes is audited. */
  controllers: readonly Type<unknown>[];
  /** The resources whose state the entries show before and after (optional per controller). */
  resources: readonly AuditResource[];
  /** The least role that reads the service's audit. */
  readRole: ApiRole;
}

export const AUDIT_TRAIL_OPTIONS = Symbol('AUDIT_TRAIL_OPTIONS');

/** A route handler: its name and, as metadata, its path. */
export interface RouteHandler {
  readonly name: string;
}

/** A route handler as the audit names it. */
export interface AuditedRoute {
  route: string;
  action: string;
  resource: ResolvedResource;
}

function join(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

/** The route template under /api and the OpenAPI operation id of a handler, and the resource it changes. */
export function auditedRouteOf(options: AuditTrailOptions, controller: Type<unknown>, handler: RouteHandler): AuditedRoute {
  const route = join(String(Reflect.getMetadata(PATH_METADATA, controller) ?? ''), String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''));
  return { route, action: `${controller.name}_${handler.name}`, resource: resourceOf(options.resources, controller, handler.name, route) };
}
