import { z } from 'zod';
import { queryInteger } from './query-params';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

function decodedKey(cursor: string, parts: number): string[] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === 'string')) return key as string[];
  } catch {
    // not JSON: not one of ours
  }
  return undefined;
}

/**
 * `limit` and `cursor` query parameters of a list whose sort key has `keyParts` parts. The
 * cursor arrives decoded: the sort key of the last item of the previous page.
 */
export function pageQuery(keyParts: number) {
  return {
    limit: queryInteger(1, MAX_PAGE_SIZE)
      .optional()
      .meta({ description: `Items per page, 1-${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
    cursor: z
      .string()
      .max(1000)
      .transform((cursor, context) => {
        const key = decodedKey(cursor, keyParts);
        if (key === undefined) context.addIssue({ code: 'custom', message: 'not a cursor this list gave out' });
        return key ?? [];
      })
      .optional()
      .meta({ description: 'The `nextCursor` of the previous page; absent for the first page.' }),
  };
}

/** A page of items and the cursor of the next one (null on the last page). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last page.' }),
  });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item of a page, as base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The page for `rows` read with `limit + 1` (the extra row says a next page exists); `keyOf` gives the sort key of an item. */
export function pageOf<R, T>(rows: readonly R[], limit: number, toItem: (row: R) => T, keyOf: (row: R) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(toItem), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
