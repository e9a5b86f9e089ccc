import { rowsOf } from './sql-rows';

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
