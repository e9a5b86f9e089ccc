/**
 * An indexed binary min-heap over items `0 .. size-1` (constraints) by a numeric key (the level at
 * which each saturates): insert, re-key and remove in O(log n), each item at most once.
 */
export class SaturationHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  private readonly keys: Float64Array;
  private length = 0;

  constructor(itemCount: number) {
    this.items = new Int32Array(itemCount);
    this.position = new Int32Array(itemCount).fill(-1);
    this.keys = new Float64Array(itemCount);
  }

  get size(): number {
    return this.length;
  }

  /** The smallest key, `Infinity` when empty. */
  peekKey(): number {
    return this.length === 0 ? Number.POSITIVE_INFINITY : this.keys[this.items[0]];
  }

  /** Removes and returns the item with the smallest key (-1 when empty). */
  pop(): number {
    if (this.length === 0) return -1;
    const top = this.items[0];
    this.remove(top);
    return top;
  }

  /** Inserts the item, or moves it to its new key; an infinite key removes it. */
  set(item: number, key: number): void {
    if (key === Number.POSITIVE_INFINITY) {
      this.remove(item);
      return;
    }
    const at = this.position[item];
    const previous = this.keys[item];
    this.keys[item] = key;
    if (at < 0) {
      this.place(item, this.length++);
      this.up(this.length - 1);
    } else if (key < previous) this.up(at);
    else this.down(at);
  }

  remove(item: number): void {
    const at = this.position[item];
    if (at < 0) return;
    this.position[item] = -1;
    const last = this.items[--this.length];
    if (at === this.length) return;
    this.place(last, at);
    this.up(at);
    this.down(this.position[last]);
  }

  private place(item: number, at: number): void {
    this.items[at] = item;
    this.position[item] = at;
  }

  private up(start: number): void {
    const item = this.items[start];
    const key = this.keys[item];
    let at = start;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = this.items[parentAt];
      if (this.keys[parent] <= key) break;
      this.place(parent, at);
      at = parentAt;
    }
    this.place(item, at);
  }

  private down(start: number): void {
    const item = this.items[start];
    const key = this.keys[item];
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.length) break;
      if (child + 1 < this.length && this.keys[this.items[child + 1]] < this.keys[this.items[child]]) child++;
      if (this.keys[this.items[child]] >= key) break;
      this.place(this.items[child], at);
      at = child;
    }
    this.place(item, at);
  }
}
