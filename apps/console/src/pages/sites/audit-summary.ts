import { formatLimit } from './limit-format';
import type { AuditEntry, LimitValue } from './site-types';

type Limited = { default?: LimitValue | null; slots?: unknown[]; limit?: LimitValue | null } | null;

function limitText(state: unknown): string | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const value = state as NonNullable<Limited>;
  if ('default' in value) {
    const slots = Array.isArray(value.slots) && value.slots.length > 0 ? ` + ${value.slots.length} slot(s)` : '';
    return `${formatLimit(value.default ?? null)}${slots}`;
  }
  if ('limit' in value) return formatLimit(value.limit ?? null);
  return undefined;
}

/** A change in a few words: "80 A per phase → 50 A per phase" for limits, else what was created or deleted. */
export function auditChange(entry: Pick<AuditEntry, 'action' | 'before' | 'after'>): string {
  const before = limitText(entry.before);
  const after = limitText(entry.after);
  if (entry.action === 'limits-replaced') return before === undefined ? `set to ${after ?? '—'}` : `${before} → ${after ?? '—'}`;
  if (entry.action === 'limits-deleted') return `removed (was ${before ?? '—'})`;
  if (entry.action === 'node-updated' && before !== after) return `limit ${before ?? '—'} → ${after ?? '—'}`;
  return entry.action.replaceAll('-', ' ');
}
