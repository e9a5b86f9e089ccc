import { BoundedTable } from './bounded-table';
import { KeyedRateLimiter } from './keyed-rate-limiter';

describe('BoundedTable', () => {
  it('drops the least recently used entry to make room, and says so', () => {
    const evicted: string[] = [];
    const table = new BoundedTable<number>(2, (key) => evicted.push(key));
    table.set('a', 1);
    table.set('b', 2);
    table.get('a');
    table.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect([table.peek('a'), table.peek('b'), table.peek('c')]).toEqual([1, undefined, 3]);
  });

  it('stays at its capacity whatever number of keys comes', () => {
    const table = new BoundedTable<number>(100);
    for (let i = 0; i < 10_000; i += 1) table.set(`key-${i}`, i);
    expect(table.size).toBe(100);
  });

  it('sweeps out what is over, without calling it an eviction', () => {
    const evicted: string[] = [];
    const table = new BoundedTable<number>(10, (key) => evicted.push(key));
    [1, 2, 3, 4].forEach((n) => table.set(String(n), n));
    expect(table.sweep((n) => n % 2 === 0)).toEqual([
      ['2', 2],
      ['4', 4],
    ]);
    expect(table.size).toBe(2);
    expect(evicted).toEqual([]);
  });
});

describe('KeyedRateLimiter', () => {
  it('limits each key on its own', () => {
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 2 }, 100);
    expect([limiter.take('a', 0), limiter.take('a', 0), limiter.take('a', 0)]).toEqual([0, 0, 1000]);
    expect(limiter.take('b', 0)).toBe(0);
  });

  it('forgets buckets that have refilled, and holds none when the limit is off', () => {
    const limiter = new KeyedRateLimiter({ perSecond: 10, burst: 5 }, 100);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.sweep(10_000);
    expect(limiter.size).toBe(0);
    const off = new KeyedRateLimiter({ perSecond: 0, burst: 5 }, 100);
    off.take('a', 0);
    expect(off.size).toBe(0);
  });
});
