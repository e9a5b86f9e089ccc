import { namedStatement, queryRows, rowsOf } from './sql-rows';

describe('rowsOf', () => {
  it('reads the rows of a SELECT or INSERT … RETURNING', () => {
    expect(rowsOf([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
    expect(rowsOf([])).toEqual([]);
  });

  it('reads the rows out of the [rows, rowCount] pair TypeORM returns for UPDATE and DELETE', () => {
    expect(rowsOf([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(rowsOf([[], 0])).toEqual([]);
  });

  it('gives no rows for anything else', () => {
    expect(rowsOf(undefined)).toEqual([]);
    expect(rowsOf({ command: 'UPDATE' })).toEqual([]);
  });
});

describe('queryRows with a named statement', () => {
  it('hands pg the name and text, so the statement is prepared once per connection', async () => {
    const received: unknown[] = [];
    const executor = {
      query: async (sql: unknown, parameters?: unknown[]) => {
        received.push(sql, parameters);
        return [{ id: 1 }];
      },
    };
    const statement = namedStatement('station_find', 'SELECT id FROM station WHERE id = $1');
    expect(await queryRows(executor, statement, ['CP-1'])).toEqual([{ id: 1 }]);
    expect(received).toEqual([{ name: 'csms_station_find', text: 'SELECT id FROM station WHERE id = $1' }, ['CP-1']]);
  });
});
