import type { NodeTree } from './node-tree';

/**
 * A read-only map from node id to a value computed when it is read: what an allocation says about
 * each node costs nothing until somebody asks (dispatch reads currents only; the API a few nodes).
 */
export class LazyNodeMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly tree: NodeTree,
    private readonly valueOf: (node: number) => V,
  ) {}

  get size(): number {
    return this.tree.ids.length;
  }

  get(id: string): V | undefined {
    const node = this.tree.indexOf.get(id);
    return node === undefined ? undefined : this.valueOf(node);
  }

  has(id: string): boolean {
    return this.tree.indexOf.has(id);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (let node = 0; node < this.tree.ids.length; node++) yield [this.tree.ids[node], this.valueOf(node)];
  }

  *keys(): MapIterator<string> {
    yield* this.tree.ids;
  }

  *values(): MapIterator<V> {
    for (let node = 0; node < this.tree.ids.length; node++) yield this.valueOf(node);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
