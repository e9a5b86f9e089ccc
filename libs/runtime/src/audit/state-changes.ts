/** One difference between the state before and after a change, at a JSON path (`limits.0.amps`). */
export interface StateChange {
  path: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What a change changed, leaf by leaf: objects are compared field by field, anything else (arrays
 * included: a replaced schedule reads better whole than slot by slot) as a whole. A resource created
 * or deleted is one change at the root (path ``). At most `limit` changes are listed; the snapshots
 * themselves are kept whole beside them.
 */
export function stateChanges(before: unknown, after: unknown, limit = 100): StateChange[] {
  const changes: StateChange[] = [];
  const visit = (path: string, a: unknown, b: unknown): void => {
    if (changes.length >= limit) return;
    if (isRecord(a) && isRecord(b)) {
      const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const field of fields) visit(path === '' ? field : `${path}.${field}`, a[field], b[field]);
      return;
    }
    if (!sameJson(a, b)) changes.push({ path, before: a ?? null, after: b ?? null });
  };
  visit('', before ?? null, after ?? null);
  return changes;
}
