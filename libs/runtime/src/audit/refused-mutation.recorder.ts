import { type CanActivate, type ExecutionContext, Inject, Injectable, type Type } from '@nestjs/common';
import { ROOT_LOGGER } from '@app/observability';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { MUTATING_METHODS, actorOf, auditedJson, stringParams } from './audit-attempt';
import { AUDIT_TRAIL_OPTIONS, type AuditTrailOptions, type RouteHandler, auditedRouteOf } from './audit-trail-options';
import { AUDIT_BEGUN, type AuditedRequest } from './mutation-audit.interceptor';
import { MUTATION_AUDIT_STORE, type MutationAuditStore } from './mutation-audit';

/**
 * Records the mutating requests refused before their handler ran by an authenticated caller: a
 * token without the role (403), a body that is not JSON (415), ... (docs/adr/038-audit-log.md).
 * Registered as a global guard, so it runs before the API token guard; it lets everything through
 * and only watches how the response ends. Requests without a valid credential (401) are not
 * recorded: they name nobody, and recording them would let anyone fill the audit log.
 */
@Injectable()
export class RefusedMutationRecorder implements CanActivate {
  private readonly logger: Logger;

  constructor(
    @Inject(AUDIT_TRAIL_OPTIONS) private readonly options: AuditTrailOptions,
    @Inject(MUTATION_AUDIT_STORE) private readonly store: MutationAuditStore,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'audit', service: options.service });
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const controller = context.getClass();
    if (!MUTATING_METHODS.has(request.method) || !this.options.controllers.includes(controller)) return true;
    const handler = context.getHandler();
    const response = context.switchToHttp().getResponse<Response>();
    response.once('finish', () => void this.recordIfRefused(request, response, controller, handler));
    return true;
  }

  private async recordIfRefused(request: AuditedRequest, response: Response, controller: Type<unknown>, handler: RouteHandler): Promise<void> {
    const principal = request.apiPrincipal;
    if (request[AUDIT_BEGUN] === true || principal === undefined || response.statusCode < 400) return;
    const route = auditedRouteOf(this.options, controller, handler);
    const params = stringParams(request.params);
    try {
      await this.store.recordRefused(
        {
          actor: actorOf(principal),
          method: request.method,
          route: route.route,
          action: route.action,
          pathParams: params,
          resourceType: route.resource.type,
          resourceId: route.resource.idParam === undefined ? null : (params[route.resource.idParam] ?? null),
          body: auditedJson((request as Request).body),
          before: null,
        },
        response.statusCode,
      );
    } catch (error) {
      this.logger.error({ err: error, route: route.route, status: response.statusCode, actor: principal.name }, 'refused request could not be recorded in the audit log');
    }
  }
}
