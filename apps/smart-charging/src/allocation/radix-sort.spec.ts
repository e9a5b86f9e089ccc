import { sortByIntegerKey } from './radix-sort';

describe('sortByIntegerKey', () => {
  it('sorts indices by key, keeping equal keys in their given order', () => {
    const key = Float64Array.from([32_000, 6_000, 16_000, 6_000, 0]);
    expect([...sortByIntegerKey(Int32Array.from([0, 1, 2, 3, 4]), key)]).toEqual([4, 1, 3, 2, 0]);
    expect([...sortByIntegerKey(Int32Array.from([3, 1]), key)]).toEqual([3, 1]);
  });

  it('sorts keys that need several digits and falls back above 2^33', () => {
    const key = Float64Array.from([2 ** 32 + 5, 2 ** 22, 7, 2 ** 40, 2 ** 11]);
    const indices = Int32Array.from([0, 1, 2, 3, 4]);
    expect([...sortByIntegerKey(indices.subarray(0, 3), key)]).toEqual([2, 1, 0]);
    expect([...sortByIntegerKey(indices, key)]).toEqual([2, 4, 1, 0, 3]);
  });

  it('answers an empty list for an empty list', () => {
    expect(sortByIntegerKey(new Int32Array(0), new Float64Array(0))).toHaveLength(0);
  });
});
