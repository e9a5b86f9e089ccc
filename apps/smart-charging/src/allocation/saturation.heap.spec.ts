import { SaturationHeap } from './saturation.heap';

function drain(heap: SaturationHeap): number[] {
  const items: number[] = [];
  while (heap.size > 0) items.push(heap.pop());
  return items;
}

describe('SaturationHeap', () => {
  it('pops items by ascending key', () => {
    const heap = new SaturationHeap(5);
    [40, 10, 30, 0, 20].forEach((key, item) => heap.set(item, key));
    expect(heap.peekKey()).toBe(0);
    expect(drain(heap)).toEqual([3, 1, 4, 2, 0]);
  });

  it('moves an item when its key changes either way, and drops it on an infinite key', () => {
    const heap = new SaturationHeap(4);
    [5, 6, 7, 8].forEach((key, item) => heap.set(item, key));
    heap.set(3, 1);
    heap.set(0, 9);
    heap.set(1, Number.POSITIVE_INFINITY);
    expect(drain(heap)).toEqual([3, 2, 0]);
  });

  it('removes any item and answers Infinity and -1 when empty', () => {
    const heap = new SaturationHeap(3);
    [3, 1, 2].forEach((key, item) => heap.set(item, key));
    heap.remove(1);
    heap.remove(1);
    expect(drain(heap)).toEqual([2, 0]);
    expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY);
    expect(heap.pop()).toBe(-1);
  });

  it('stays ordered through many random updates', () => {
    const heap = new SaturationHeap(200);
    const keys = new Map<number, number>();
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
    for (let step = 0; step < 5000; step++) {
      const item = next() % 200;
      const key = next() % 1000;
      heap.set(item, key);
      keys.set(item, key);
    }
    const popped: number[] = [];
    while (heap.size > 0) popped.push(keys.get(heap.pop()) ?? -1);
    expect(popped).toEqual([...keys.values()].sort((a, b) => a - b));
  });
});
