import { Controller, Get, Inject, Query, type Type } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { ApiRole } from '../auth/api-role';
import type { ApiPrincipal } from '../auth/api-token';
import { ApiTokenAuth, CurrentPrincipal, RequireRole } from '../auth/require-role.decorator';
import { ApiProblems, ApiZodQuery, ApiZodResponse } from '../rest/zod-openapi';
import { ZodValidationPipe } from '../rest/zod-validation.pipe';
import { MUTATION_AUDIT_STORE, type MutationAuditStore } from './mutation-audit';
import { type ListMutationAuditQuery, listMutationAuditQuery, mutationAuditPageSchema } from './mutation-audit.schemas';
import { listMutationAudit } from './mutation-audit.service';

function pascalCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * `GET /api/audit/<service>`: one route per service, since the services share one /api in
 * embedded mode and each keeps its audit in its own schema.
 */
export function mutationAuditControllerFor(service: string, readRole: ApiRole): Type<unknown> {
  @ApiTokenAuth('audit')
  @Controller(`audit/${service}`)
  class MutationAuditController {
    constructor(@Inject(MUTATION_AUDIT_STORE) private readonly store: MutationAuditStore) {}

    @Get()
    @RequireRole(readRole)
    @ApiOperation({
      operationId: `list${pascalCase(service)}Audit`,
      summary: `Audit of every change made through the ${service} REST API`,
      description:
        'Every POST, PUT, PATCH and DELETE, newest first: who (principal, roles, tenant, credential kind), what (route, operation, path parameters, resource, body with secrets redacted), when, the status answered (refusals by an authenticated caller included), and for resources with state the state before and after and what changed. A principal of a tenant sees that tenant’s entries only.',
    })
    @ApiZodQuery(listMutationAuditQuery)
    @ApiZodResponse(200, mutationAuditPageSchema, 'A page of audit entries.')
    @ApiProblems({ 400: 'A query parameter is invalid.' })
    list(@CurrentPrincipal() principal: ApiPrincipal | undefined, @Query(new ZodValidationPipe(listMutationAuditQuery, 'query')) query: ListMutationAuditQuery) {
      return listMutationAudit(this.store, principal, query);
    }
  }
  Object.defineProperty(MutationAuditController, 'name', { value: `${pascalCase(service)}AuditController` });
  return MutationAuditController;
}
