/**
 * A map that keeps at most `capacity` entries, dropping the least recently used one to make room:
 * whatever keys an attacker invents (station ids, addresses), the gateway's memory for them stays
 * bounded. `onEvict` hears of entries dropped that way (not of deletions).
 */
export class BoundedTable<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (key: string, value: V) => void = () => {},
  ) {}

  /** The entry, now the most recently used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The entry, leaving its place in the eviction order as it is. */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    while (this.entries.size >= this.capacity) {
      const oldest = this.entries.entries().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest[0]);
      this.onEvict(oldest[0], oldest[1]);
    }
    this.entries.set(key, value);
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Removes and returns every entry `expired` says is over, in eviction order. */
  sweep(expired: (value: V) => boolean): Array<[string, V]> {
    const removed: Array<[string, V]> = [];
    for (const [key, value] of this.entries) {
      if (expired(value)) removed.push([key, value]);
    }
    removed.forEach(([key]) => this.entries.delete(key));
    return removed;
  }

  get size(): number {
    return this.entries.size;
  }
}
