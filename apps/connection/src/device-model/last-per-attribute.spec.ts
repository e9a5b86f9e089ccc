import { lastPerAttribute } from './last-per-attribute';

const at = (name: string, type: 'Actual' | 'Target', value: string, evseId?: number) => ({
  component: { name: 'EVSE', ...(evseId === undefined ? {} : { evseId }) },
  variable: { name },
  type,
  value,
});

describe('lastPerAttribute', () => {
  it('keeps the last row naming the same attribute, and every other row in order', () => {
    const rows = [at('Power', 'Target', 'first'), at('Power', 'Actual', 'a'), at('Power', 'Target', 'second'), at('Power', 'Target', 'evse', 1)];
    expect(lastPerAttribute(rows).map((row) => row.value)).toEqual(['a', 'second', 'evse']);
  });

  it('leaves rows without repeats as they are', () => {
    const rows = [at('A', 'Actual', '1'), at('B', 'Actual', '2')];
    expect(lastPerAttribute(rows)).toEqual(rows);
  });
});
