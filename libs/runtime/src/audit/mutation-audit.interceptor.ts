import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ROOT_LOGGER } from '@app/observability';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { type Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/api-token.guard';
import { Problem } from '../rest/problem';
import { toProblem } from '../rest/problem-json.filter';
import { MUTATING_METHODS, actorOf, auditedJson, idOfResult, stringParams } from './audit-attempt';
import type { AuditSnapshotSource } from './audit-resource';
import { AUDIT_TRAIL_OPTIONS, type AuditTrailOptions, type AuditedRoute, type RouteHandler, auditedRouteOf } from './audit-trail-options';
import { MUTATION_AUDIT_STORE, type MutationAuditStore } from './mutation-audit';
import { stateChanges } from './state-changes';

/** Set on a request whose attempt the interceptor wrote, so the refusal recorder leaves it alone. */
export const AUDIT_BEGUN = Symbol('csms:audit-begun');
export type AuditedRequest = AuthenticatedRequest & { [AUDIT_BEGUN]?: boolean };

interface Begun {
  id: string;
  route: AuditedRoute;
  params: Record<string, string>;
  resourceId: string | null;
  before: unknown;
}

/**
 * The audit of every mutating route of one service's REST API (docs/adr/038-audit-log.md): the
 * attempt is written before the handler runs, and a request whose attempt cannot be written is
 * refused with 503 (fail closed); the outcome, the state after and what changed are written before
 * the response leaves. Who is the principal the API token guard let through.
 */
@Injectable()
export class MutationAuditInterceptor implements NestInterceptor {
  private readonly logger: Logger;
  private readonly routes = new Map<unknown, AuditedRoute>();

  constructor(
    @Inject(AUDIT_TRAIL_OPTIONS) private readonly options: AuditTrailOptions,
    @Inject(MUTATION_AUDIT_STORE) private readonly store: MutationAuditStore,
    private readonly moduleRef: ModuleRef,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'audit', service: options.service });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const controller = context.getClass();
    if (!MUTATING_METHODS.has(request.method) || !this.options.controllers.includes(controller)) return next.handle();
    const principal = request.apiPrincipal;
    if (principal === undefined) return next.handle();
    const route = this.routeOf(controller, context.getHandler());
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.begin(request, route)).pipe(
      mergeMap((begun) =>
        next.handle().pipe(
          mergeMap((result: unknown) => from(this.succeeded(begun, response.statusCode, result).then(() => result))),
          catchError((error: unknown) => from(this.failed(begun, error)).pipe(mergeMap(() => throwError(() => error)))),
        ),
      ),
    );
  }

  private routeOf(controller: Type<unknown>, handler: RouteHandler): AuditedRoute {
    let route = this.routes.get(handler);
    if (route === undefined) {
      route = auditedRouteOf(this.options, controller, handler);
      this.routes.set(handler, route);
    }
    return route;
  }

  private async begin(request: AuditedRequest, route: AuditedRoute): Promise<Begun> {
    const principal = request.apiPrincipal;
    if (principal === undefined) throw new Problem({ status: 500, code: 'internal-error', detail: 'the server failed to handle the request' });
    const params = stringParams(request.params);
    const resourceId = route.resource.idParam === undefined ? null : (params[route.resource.idParam] ?? null);
    try {
      const before = resourceId === null ? null : await this.snapshot(route, resourceId, params);
      const id = await this.store.begin({
        actor: actorOf(principal),
        method: request.method,
        route: route.route,
        action: route.action,
        pathParams: params,
        resourceType: route.resource.type,
        resourceId,
        body: auditedJson((request as Request).body),
        before,
      });
      request[AUDIT_BEGUN] = true;
      return { id, route, params, resourceId, before };
    } catch (error) {
      this.logger.error({ err: error, route: route.route, method: request.method }, 'audit entry could not be written: request refused');
      throw new Problem({ status: 503, code: 'audit-unavailable', detail: 'the change was not made: its audit entry could not be written; retry later' });
    }
  }

  /**
   * The resource's state, or null when it has none or cannot be read: a snapshot is what the entry
   * shows, not what decides the request (an id the route's pipe will refuse must get its 400, not
   * a 503), so its failure is logged and the change goes on.
   */
  private async snapshot(route: AuditedRoute, resourceId: string, params: Record<string, string>): Promise<unknown> {
    if (route.resource.snapshot === undefined) return null;
    try {
      const source = this.moduleRef.get<AuditSnapshotSource>(route.resource.snapshot, { strict: false });
      return auditedJson(await source.snapshot(resourceId, params));
    } catch (error) {
      this.logger.warn({ err: error, route: route.route, resourceType: route.resource.type }, 'resource state could not be read for the audit entry');
      return null;
    }
  }

  private async succeeded(begun: Begun, status: number, result: unknown): Promise<void> {
    try {
      const resourceId = begun.resourceId ?? idOfResult(result, begun.route.resource.resultId);
      const hasState = begun.route.resource.snapshot !== undefined && resourceId !== null;
      const after = hasState ? await this.snapshot(begun.route, resourceId, begun.params) : null;
      await this.store.complete(begun.id, { status, resourceId, after, changes: hasState ? stateChanges(begun.before, after) : [] });
    } catch (error) {
      // The change is made and its attempt is on record: the response tells the truth, the entry
      // keeps a null status (outcome unknown) and this error says why.
      this.logger.error({ err: error, auditId: begun.id }, 'audit outcome could not be written; the entry keeps an unknown outcome');
    }
  }

  private async failed(begun: Begun, error: unknown): Promise<void> {
    try {
      await this.store.complete(begun.id, { status: toProblem(error).init.status, resourceId: begun.resourceId, after: null, changes: [] });
    } catch (writeError) {
      this.logger.error({ err: writeError, auditId: begun.id }, 'audit outcome could not be written; the entry keeps an unknown outcome');
    }
  }
}
