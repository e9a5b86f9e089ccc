import { Problem } from '@app/runtime';
import type { DataSource } from 'typeorm';
import { TransactionReadRepository } from './transaction-read.repository';

function repository() {
  const queries: { sql: string; parameters: unknown[] }[] = [];
  const dataSource = {
    query: jest.fn(async (sql: string, parameters: unknown[] = []) => {
      queries.push({ sql, parameters });
      return [];
    }),
  };
  return { reads: new TransactionReadRepository(dataSource as unknown as DataSource), queries };
}

describe('TransactionReadRepository.list', () => {
  it('continues after the cursor key the previous page gave out', async () => {
    const { reads, queries } = repository();
    await reads.list({ before: ['2025-06-01 10:00:00.123456+00', 'CP-1', '17'], limit: 11 });
    expect(queries[0]?.sql).toContain('(created_at, station_id, transaction_id) < ($1::timestamptz, $2, $3)');
    expect(queries[0]?.parameters).toEqual(['2025-06-01 10:00:00.123456+00', 'CP-1', '17', 11]);
  });

  it.each([
    ['a time that is not a timestamp', ['yesterday', 'CP-1', '17']],
    ['a date that does not exist', ['2025-02-30 10:00:00+00', 'CP-1', '17']],
    ['an offset out of range', ['2025-06-01 10:00:00+99', 'CP-1', '17']],
    ['a NUL character', ['2025-06-01 10:00:00+00', 'CP-1\u0000', '17']],
  ])('refuses a tampered cursor with %s as a 400 problem, querying nothing', async (_case, before) => {
    const { reads, queries } = repository();
    const refusal: unknown = await reads.list({ before, limit: 11 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Problem);
    expect((refusal as Problem).init).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(queries).toEqual([]);
  });
});
