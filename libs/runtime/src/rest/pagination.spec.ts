import { z } from 'zod';
import { encodeCursor, pageOf, pageQuery } from './pagination';

describe('pagination', () => {
  const query = z.strictObject(pageQuery(2));

  it('gives the next page’s cursor only when there is a next page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(pageOf(rows, 2, (row) => row.id, (row) => [row.id, 'x'])).toEqual({ items: ['a', 'b'], nextCursor: encodeCursor(['b', 'x']) });
    expect(pageOf(rows, 3, (row) => row.id, (row) => [row.id, 'x'])).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
  });

  it('decodes a cursor it gave out into the sort key', () => {
    expect(query.parse({ cursor: encodeCursor(['2025-06-01 10:00:00+00', 'CP-1']), limit: '20' })).toEqual({ cursor: ['2025-06-01 10:00:00+00', 'CP-1'], limit: 20 });
  });

  it.each([['garbage'], [encodeCursor(['only-one-part'])], [encodeCursor([1, 2])]])('refuses a cursor it did not give out (%s)', (cursor) => {
    expect(query.safeParse({ cursor }).error?.issues[0]).toMatchObject({ path: ['cursor'], message: 'not a cursor this list gave out' });
  });

  it.each([
    ['a time that is not a timestamp', ['yesterday', 'c1', '1']],
    ['a date that does not exist', ['2025-02-30 10:00:00+00', 'c1', '1']],
    ['an offset out of range', ['2025-06-01 10:00:00+99', 'c1', '1']],
    ['a NUL character', ['2025-06-01 10:00:00.5+00', 'c\u0000', '1']],
    ['an id that is not a whole number', ['2025-06-01 10:00:00.5+00', 'c1', '1; DROP']],
  ])('refuses a tampered cursor of a timestamp-keyed list: %s', (_case, key) => {
    const timestamped = z.strictObject(pageQuery(['timestamp', 'text', 'integer']));
    expect(timestamped.safeParse({ cursor: encodeCursor(key) }).error?.issues[0]).toMatchObject({ path: ['cursor'], message: 'not a cursor this list gave out' });
    expect(timestamped.parse({ cursor: encodeCursor(['2025-06-01 10:00:00.123456+00', 'c1', '42']) }).cursor).toEqual(['2025-06-01 10:00:00.123456+00', 'c1', '42']);
  });

  it.each(['0', '501', '-1', '1.5', 'ten'])('refuses limit %s', (limit) => {
    expect(query.safeParse({ limit }).success).toBe(false);
  });
});
