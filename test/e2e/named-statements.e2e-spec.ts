import { namedStatement, queryRows } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { DataSource } from 'typeorm';

/** The station core's hot statements go through TypeORM to pg as named prepared statements. */
describe('named statements through TypeORM', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('named_statements');
    // One connection, so that the session that prepared the statement is the one asked about it.
    dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 1 } });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('are prepared on the first call and reused, with parameters bound each time', async () => {
    const statement = namedStatement('e2e_square', 'SELECT $1::int * $1::int AS square');
    expect(await queryRows(dataSource, statement, [3])).toEqual([{ square: 9 }]);
    expect(await queryRows(dataSource, statement, [4])).toEqual([{ square: 16 }]);
    const prepared = await queryRows<{ name: string; calls: string }>(
      dataSource,
      `SELECT name, generic_plans + custom_plans AS calls FROM pg_prepared_statements WHERE name = 'csms_e2e_square'`,
    );
    expect(prepared).toEqual([{ name: 'csms_e2e_square', calls: '2' }]);
  });
});
