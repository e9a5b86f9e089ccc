import { sqlParameters, whereClause } from './sql-parameters';

describe('sqlParameters', () => {
  it('numbers placeholders in the order values are bound', () => {
    const { values, bind } = sqlParameters();
    expect(`a = ${bind('x')} AND b < ${bind(3)}`).toBe('a = $1 AND b < $2');
    expect(values).toEqual(['x', 3]);
  });
});

describe('whereClause', () => {
  it('joins conditions with AND, and is empty without any', () => {
    expect(whereClause(['a = $1', 'b = $2'])).toBe('WHERE a = $1 AND b = $2');
    expect(whereClause([])).toBe('');
  });
});
