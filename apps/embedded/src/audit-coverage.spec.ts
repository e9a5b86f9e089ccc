import { connectionService } from '@app/connection';
import { pkiService } from '@app/pki';
import { AUDIT_TRAIL_OPTIONS, type AuditTrailOptions, AuditTrailModule, InternalApiGuard, type ServiceDefinition, routeRolesOf } from '@app/runtime';
import { smartChargingService } from '@app/smart-charging';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';

/**
 * Every mutating route of every service is audited (docs/adr/038-audit-log.md), checked over the
 * module trees Nest builds its router from: a new controller, or a new POST/PUT/PATCH/DELETE on
 * one, that the service's audit trail does not cover fails this spec.
 */
interface ServiceTree {
  controllers: Set<Type<unknown>>;
  trails: AuditTrailOptions[];
}

type ModuleRef = Type<unknown> | DynamicModule | { forwardRef: () => Type<unknown> } | Promise<DynamicModule>;

function isDynamic(module: ModuleRef): module is DynamicModule {
  return typeof module === 'object' && 'module' in module;
}

function trailOptionsOf(providers: readonly Provider[]): AuditTrailOptions[] {
  return providers.flatMap((provider) =>
    typeof provider === 'object' && 'provide' in provider && provider.provide === AUDIT_TRAIL_OPTIONS && 'useValue' in provider ? [provider.useValue as AuditTrailOptions] : [],
  );
}

function walk(module: ModuleRef, tree: ServiceTree, seen: Set<unknown>): void {
  if (module instanceof Promise || seen.has(module)) return;
  seen.add(module);
  const type: Type<unknown> = isDynamic(module) ? module.module : 'forwardRef' in module ? module.forwardRef() : module;
  const controllers = [...((Reflect.getMetadata('controllers', type) ?? []) as Type<unknown>[]), ...(isDynamic(module) ? (module.controllers ?? []) : [])];
  for (const controller of controllers) tree.controllers.add(controller);
  if (isDynamic(module) && module.module === AuditTrailModule) tree.trails.push(...trailOptionsOf(module.providers ?? []));
  const imports = [...((Reflect.getMetadata('imports', type) ?? []) as ModuleRef[]), ...(isDynamic(module) ? ((module.imports ?? []) as ModuleRef[]) : [])];
  for (const imported of imports) walk(imported, tree, seen);
}

function treeOf(service: ServiceDefinition): ServiceTree {
  const tree: ServiceTree = { controllers: new Set(), trails: [] };
  walk(service.module, tree, new Set());
  return tree;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isInternal(controller: Type<unknown>): boolean {
  const guards: unknown = Reflect.getMetadata(GUARDS_METADATA, controller);
  return Array.isArray(guards) && guards.includes(InternalApiGuard);
}

/**
 * Mutating routes outside the REST APIs, and why the audit leaves them out: OSCP messages come
 * with a Capacity Provider's own token and land in the per-site audit of limits; OCSP over POST
 * only reads. Internal routes (INTERNAL_API_TOKEN) are recognised by their guard.
 */
const outsideTheRestApis = [
  'smart-charging POST /oscp/fp/2.0/update_group_capacity_forecast',
  'smart-charging POST /oscp/fp/2.0/heartbeat',
  'smart-charging POST /oscp/fp/2.0/register',
  'smart-charging POST /oscp/fp/2.0/handshake',
  'smart-charging POST /oscp/fp/2.0/handshake_acknowledge',
  'pki POST /ocsp',
];

describe('audit coverage', () => {
  const services = [connectionService, smartChargingService, pkiService];

  it.each(services.map((service) => [service.name, service] as const))('audits every mutating route of the %s REST API', (name, service) => {
    const tree = treeOf(service);
    expect(tree.trails).toHaveLength(1);
    const [trail] = tree.trails;
    expect(trail?.service).toBe(name);
    const audited = new Set(trail?.controllers ?? []);
    const mutating = [...tree.controllers].flatMap((controller) =>
      routeRolesOf([controller])
        .filter((route) => !READS.has(route.route.split(' ')[0] ?? ''))
        .map((route) => ({ controller, ...route })),
    );
    expect(mutating.filter((route) => route.guarded).length).toBeGreaterThan(0);
    const uncovered = mutating.filter((route) => route.guarded && !audited.has(route.controller)).map((route) => route.route);
    expect(uncovered).toEqual([]);
    const unguarded = mutating.filter((route) => !route.guarded && !isInternal(route.controller)).map((route) => `${name} ${route.route}`);
    for (const route of unguarded) expect(outsideTheRestApis).toContain(route);
  });
});
