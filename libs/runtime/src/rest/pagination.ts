import { z } from 'zod';
import { queryInteger } from './query-params';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

/**
 * What a part of a cursor's sort key is: any text, a whole number (e.g. a bigserial id), or a
 * timestamptz as PostgreSQL prints it (`2025-06-01 10:00:00.123456+00`, the exact sort key; a JS
 * Date would lose the microseconds).
 */
export type CursorPart = 'text' | 'integer' | 'timestamp';

/** created_at as PostgreSQL prints a timestamptz (DateStyle ISO). */
const TIMESTAMPTZ_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::[0-5]\d){0,2}$/;

/** Whether `text` is a timestamptz PostgreSQL printed, of a day that exists. */
export function isTimestampText(text: string): boolean {
  const match = TIMESTAMPTZ_TEXT.exec(text);
  if (!match) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0] = match.slice(1, 8).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return realDay && hour < 24 && minute < 60 && second < 60 && offsetHours <= 15;
}

// The cursor is the client's to tamper with: a part that SQL cannot take (a time PostgreSQL cannot
// cast, a NUL in a text) would fail the query with a 500, so typed parts are checked here.
function validPart(part: unknown, kind: CursorPart): part is string {
  if (typeof part !== 'string') return false;
  if (kind === 'timestamp') return isTimestampText(part);
  if (kind === 'integer') return /^\d{1,18}$/.test(part);
  return !part.includes('\u0000');
}

function decodedKey(cursor: string, parts: readonly CursorPart[] | number): string[] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const kinds: readonly CursorPart[] = typeof parts === 'number' ? Array<CursorPart>(parts).fill('text') : parts;
    if (Array.isArray(key) && key.length === kinds.length && key.every((part, index) => validPart(part, kinds[index] ?? 'text'))) return key as string[];
  } catch {
    // not JSON: not one of ours
  }
  return undefined;
}

/**
 * `limit` and `cursor` query parameters of a list whose sort key has `keyParts` parts (a number:
 * that many texts). The cursor arrives decoded: the sort key of the last item of the previous page.
 */
export function pageQuery(keyParts: number | readonly CursorPart[]) {
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
