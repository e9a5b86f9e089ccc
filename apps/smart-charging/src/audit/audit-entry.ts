/** What changed: a site, a node, or the limit schedule of one source on a node. */
export const auditActions = ['site-created', 'site-deleted', 'node-created', 'node-updated', 'node-deleted', 'limits-replaced', 'limits-deleted'] as const;
export type AuditAction = (typeof auditActions)[number];

/** One change as the audit log keeps it: who, where, what, and the state before and after (JSON, null when absent). */
export interface AuditEntry {
  siteId: string;
  nodeId: string | null;
  /** The limit source, for limit changes. */
  source: string | null;
  action: AuditAction;
  /** The API token's name, or the part of the service that wrote (e.g. `oscp:<provider>`). */
  actor: string;
  before: unknown;
  after: unknown;
}
