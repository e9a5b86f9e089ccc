import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { AuditAction } from './audit-entry';
import { AuditLogRepository, type AuditRow } from './audit-log.repository';
import type { AuditEntryView, ListAuditQuery } from './audit.schemas';

export function auditEntryViewOf(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action as AuditAction,
    siteId: row.site_id,
    nodeId: row.node_id,
    source: row.source,
    before: row.before,
    after: row.after,
  };
}

/** The audit log of a site, newest first: it outlives the nodes and the site it describes. */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  async list(siteId: string, query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.log.list({ siteId, nodeId: query.nodeId, source: query.source, from: query.from, to: query.to, beforeId: query.cursor?.[0], limit: limit + 1 });
    return pageOf(rows, limit, auditEntryViewOf, (row) => [row.id]);
  }
}
