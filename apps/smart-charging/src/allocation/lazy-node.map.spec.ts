import { LazyNodeMap } from './lazy-node.map';
import { indexTree } from './node-tree';

describe('LazyNodeMap', () => {
  const tree = indexTree([{ id: 'site' }, { id: 'evse', parentId: 'site' }]);

  it('reads like a map of every node, computing a value only when it is read', () => {
    const computed: number[] = [];
    const map = new LazyNodeMap(tree, (node) => {
      computed.push(node);
      return node * 10;
    });
    expect(computed).toEqual([]);
    expect(map.get('evse')).toBe(10);
    expect(map.get('nowhere')).toBeUndefined();
    expect(computed).toEqual([1]);
    expect([map.size, map.has('site'), map.has('nowhere')]).toEqual([2, true, false]);
    expect([...map.keys()]).toEqual(['site', 'evse']);
    expect([...map.values()]).toEqual([0, 10]);
    expect(new Map(map)).toEqual(new Map([['site', 0], ['evse', 10]]));
    const seen: string[] = [];
    map.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual(['site=0', 'evse=10']);
  });
});
