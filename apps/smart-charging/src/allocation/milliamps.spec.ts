import { milliampsAtLeast, milliampsAtMost } from './milliamps';

describe('milliamps', () => {
  it('takes decimal currents to their milliampere although binary floating point misses them', () => {
    expect(1.001 * 1000).toBeLessThan(1001);
    expect(milliampsAtMost(1.001)).toBe(1001);
    expect(2.007 * 1000).toBeGreaterThan(2007);
    expect(milliampsAtLeast(2.007)).toBe(2007);
  });

  it('rounds limits down and minimums up, to the safe side', () => {
    expect(milliampsAtMost(15.9996)).toBe(15_999);
    expect(milliampsAtLeast(6.0001)).toBe(6_001);
    expect(milliampsAtMost(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
