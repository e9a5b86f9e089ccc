import { AllocationInputErrorCode } from './allocation-input.error';
import { indexTree } from './node-tree';

describe('indexTree', () => {
  it('indexes nodes, parents and an order that visits every node after its descendants', () => {
    const tree = indexTree([{ id: 'evse', parentId: 'charger' }, { id: 'site' }, { id: 'charger', parentId: 'feeder' }, { id: 'feeder', parentId: 'site' }, { id: 'other-site' }]);
    expect(tree.indexOf.get('charger')).toBe(2);
    expect([...tree.parent]).toEqual([2, -1, 3, 1, -1]);
    const position = (id: string) => [...tree.bottomUp].indexOf(tree.indexOf.get(id) ?? -1);
    expect(position('evse')).toBeLessThan(position('charger'));
    expect(position('charger')).toBeLessThan(position('feeder'));
    expect(position('feeder')).toBeLessThan(position('site'));
    expect([...tree.bottomUp].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    ['a duplicate id', [{ id: 'a' }, { id: 'a' }], AllocationInputErrorCode.duplicateNode],
    ['an unknown parent', [{ id: 'a', parentId: 'b' }], AllocationInputErrorCode.unknownParent],
    ['a node that is its own parent', [{ id: 'a', parentId: 'a' }], AllocationInputErrorCode.cycle],
    ['a cycle below a root', [{ id: 'root' }, { id: 'a', parentId: 'c' }, { id: 'b', parentId: 'a' }, { id: 'c', parentId: 'b' }], AllocationInputErrorCode.cycle],
  ])('rejects %s', (_, nodes, code) => {
    expect(() => indexTree(nodes)).toThrow(expect.objectContaining({ code }));
  });
});
