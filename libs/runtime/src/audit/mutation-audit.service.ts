import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '../rest/pagination';
import type { ApiPrincipal } from '../auth/api-token';
import type { MutationAuditEntry, MutationAuditStore } from './mutation-audit';
import type { ListMutationAuditQuery, MutationAuditEntryView } from './mutation-audit.schemas';

export function mutationAuditViewOf(entry: MutationAuditEntry): MutationAuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    completedAt: entry.completedAt === null ? null : entry.completedAt.toISOString(),
    actor: entry.actor,
    method: entry.method as MutationAuditEntryView['method'],
    route: entry.route,
    action: entry.action,
    pathParams: entry.pathParams,
    resource: { type: entry.resourceType, id: entry.resourceId },
    body: entry.body,
    status: entry.status,
    before: entry.before,
    after: entry.after,
    changes: entry.changes,
  };
}

/** A page of a service's audit, newest first; a principal of a tenant reads that tenant's entries only. */
export async function listMutationAudit(store: MutationAuditStore, principal: ApiPrincipal | undefined, query: ListMutationAuditQuery): Promise<Page<MutationAuditEntryView>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const entries = await store.list({
    actor: query.actor,
    resourceType: query.resourceType,
    resourceId: query.resourceId,
    action: query.action,
    from: query.from,
    to: query.to,
    tenant: principal?.tenant,
    beforeId: query.cursor?.[0],
    limit: limit + 1,
  });
  return pageOf(entries, limit, mutationAuditViewOf, (entry) => [entry.id]);
}
