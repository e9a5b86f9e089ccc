import { InjectDataSource, type SqlExecutor, execute, pgJson, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import { SITE_CHANGE_CHANNEL } from './site-change-channel';
import type { AuditEntry } from './audit-entry';

export interface AuditRow {
  id: string;
  site_id: string;
  node_id: string | null;
  source: string | null;
  action: string;
  actor: string;
  at: Date;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  siteId: string;
  nodeId?: string;
  source?: string;
  from?: Date;
  to?: Date;
  /** Keyset: the id of the last row of the previous page. */
  beforeId?: string;
  limit: number;
}

const AUDIT_LOG = `"${SMART_CHARGING_SCHEMA}"."audit_log"`;

/** The audit log of topology and limit changes: written inside the transaction of each change, read newest first. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource) {}

  /** Appends the entries in order, in the caller's transaction: the change and its audit commit together. */
  async record(manager: SqlExecutor, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({
      site_id: entry.siteId,
      node_id: entry.nodeId,
      source: entry.source,
      action: entry.action,
      actor: entry.actor,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }));
    await execute(
      manager,
      `INSERT INTO ${AUDIT_LOG} (site_id, node_id, source, action, actor, before, after)
       SELECT e->>'site_id', e->>'node_id', e->>'source', e->>'action', e->>'actor', NULLIF(e->'before', 'null'), NULLIF(e->'after', 'null')
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS entry(e, position)
        ORDER BY position`,
      [pgJson(rows)],
    );
    // Delivered at commit to every replica that listens (site-control/site-change.feed.ts): a
    // change of topology or limits re-plans the site at once, whichever replica took the request.
    await execute(manager, `SELECT pg_notify($1, site_id) FROM unnest($2::text[]) AS site(site_id)`, [SITE_CHANGE_CHANNEL, [...new Set(entries.map((entry) => entry.siteId))]]);
  }

  async list(filter: AuditFilter): Promise<AuditRow[]> {
    const { values, bind } = sqlParameters();
    const conditions = [`site_id = ${bind(filter.siteId)}`];
    if (filter.nodeId !== undefined) conditions.push(`node_id = ${bind(filter.nodeId)}`);
    if (filter.source !== undefined) conditions.push(`source = ${bind(filter.source)}`);
    if (filter.from !== undefined) conditions.push(`at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`at < ${bind(filter.to)}`);
    if (filter.beforeId !== undefined) conditions.push(`a.id < ${bind(filter.beforeId)}::bigint`);
    return queryRows<AuditRow>(
      this.dataSource,
      `SELECT a.id::text AS id, site_id, node_id, source, action, actor, at, before, after
         FROM ${AUDIT_LOG} a ${whereClause(conditions)} ORDER BY a.id DESC LIMIT ${bind(filter.limit)}`,
      values,
    );
  }
}
