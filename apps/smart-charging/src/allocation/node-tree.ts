import { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';

/** A site tree (or a forest) by array index, checked: unique ids, known parents, no cycle. */
export interface NodeTree {
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Parent index per node, -1 for a root. */
  readonly parent: Int32Array;
  /** Every node index, each after all of its descendants (deepest first). */
  readonly bottomUp: Int32Array;
}

interface TreeNode {
  id: string;
  parentId?: string;
}

export function indexTree(nodes: readonly TreeNode[]): NodeTree {
  const ids = nodes.map((node) => node.id);
  const indexOf = new Map<string, number>();
  for (let index = 0; index < ids.length; index++) {
    if (indexOf.size === indexOf.set(ids[index], index).size) throw new AllocationInputError(AllocationInputErrorCode.duplicateNode, `node ${ids[index]} appears twice`);
  }
  const parent = new Int32Array(nodes.length);
  for (let index = 0; index < nodes.length; index++) {
    const { id, parentId } = nodes[index];
    const parentIndex = parentId === undefined ? -1 : indexOf.get(parentId);
    if (parentIndex === undefined) throw new AllocationInputError(AllocationInputErrorCode.unknownParent, `node ${id} has unknown parent ${parentId}`);
    parent[index] = parentIndex;
  }
  return { ids, indexOf, parent, bottomUp: deepestFirst(depths(parent, ids)) };
}

const unknown = -1;
const onPath = -2;

/** Depth of each node (roots 0), walking each path up once; a path that meets itself is a cycle. */
function depths(parent: Int32Array, ids: readonly string[]): Int32Array {
  const depth = new Int32Array(parent.length).fill(unknown);
  const path: number[] = [];
  for (let start = 0; start < parent.length; start++) {
    let node = start;
    while (node >= 0 && depth[node] === unknown) {
      depth[node] = onPath;
      path.push(node);
      node = parent[node];
    }
    if (node >= 0 && depth[node] === onPath) throw new AllocationInputError(AllocationInputErrorCode.cycle, `node ${ids[node]} is its own ancestor`);
    let level = node < 0 ? -1 : depth[node];
    for (let index = path.length - 1; index >= 0; index--) depth[path[index]] = ++level;
    path.length = 0;
  }
  return depth;
}

/** Node indices by depth, deepest first (a counting sort). */
function deepestFirst(depth: Int32Array): Int32Array {
  let maxDepth = 0;
  for (const level of depth) maxDepth = Math.max(maxDepth, level);
  const start = new Int32Array(maxDepth + 2);
  for (const level of depth) start[maxDepth - level + 1]++;
  for (let level = 1; level < start.length; level++) start[level] += start[level - 1];
  const order = new Int32Array(depth.length);
  depth.forEach((level, node) => {
    order[start[maxDepth - level]++] = node;
  });
  return order;
}
