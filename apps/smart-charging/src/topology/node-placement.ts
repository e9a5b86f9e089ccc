import type { NodeKind } from './topology.model';

const parentKinds: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  site: [],
  feeder: ['site', 'feeder', 'cabinet', 'transformer'],
  cabinet: ['site', 'feeder', 'cabinet', 'transformer'],
  transformer: ['site', 'feeder', 'cabinet', 'transformer'],
  charger: ['site', 'feeder', 'cabinet', 'transformer'],
  evse: ['charger'],
};

const where: Readonly<Record<NodeKind, string>> = {
  site: 'is the root of its tree and has no parent',
  feeder: 'must be under the site, a feeder, a cabinet or a transformer',
  cabinet: 'must be under the site, a feeder, a cabinet or a transformer',
  transformer: 'must be under the site, a feeder, a cabinet or a transformer',
  charger: 'must be under the site, a feeder, a cabinet or a transformer',
  evse: 'must be under a charger',
};

/** Whether a node of kind `child` may sit under one of kind `parent` (the database checks the same rule). */
export function mayHold(parent: NodeKind, child: NodeKind): boolean {
  return parentKinds[child].includes(parent);
}

/** `a feeder`, `an evse`. */
export function aKind(kind: NodeKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** Why a `child` cannot sit under `parent`, or undefined when it can. */
export function placementError(child: NodeKind, parent: { nodeId: string; kind: NodeKind }): string | undefined {
  if (mayHold(parent.kind, child)) return undefined;
  return `${aKind(child)} ${where[child]}, not under ${parent.kind} ${parent.nodeId}`;
}

/** The ids of `nodeId` and every node below it. */
export function subtreeOf(nodes: readonly { nodeId: string; parentId: string | null }[], nodeId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.nodeId]);
  }
  const subtree = new Set<string>();
  const pending = [nodeId];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (subtree.has(next)) continue;
    subtree.add(next);
    pending.push(...(children.get(next) ?? []));
  }
  return subtree;
}

/** The ids from the root down to the parent of `nodeId` (empty for the root). */
export function ancestorsOf(nodes: readonly { nodeId: string; parentId: string | null }[], nodeId: string): string[] {
  const parents = new Map(nodes.map((node) => [node.nodeId, node.parentId]));
  const path: string[] = [];
  for (let parent = parents.get(nodeId) ?? null; parent !== null && !path.includes(parent); parent = parents.get(parent) ?? null) {
    path.unshift(parent);
  }
  return path;
}

/** Why `nodeId` cannot move under `parentId` in the site of `nodes`, or undefined when it can. */
export function moveError(nodes: readonly { nodeId: string; parentId: string | null; kind: NodeKind }[], nodeId: string, parentId: string): string | undefined {
  const node = nodes.find((candidate) => candidate.nodeId === nodeId);
  const parent = nodes.find((candidate) => candidate.nodeId === parentId);
  if (node === undefined) return `the site has no node ${nodeId}`;
  if (parent === undefined) return `the site has no node ${parentId}`;
  if (node.parentId === null) return 'the site root has no parent';
  if (subtreeOf(nodes, nodeId).has(parentId)) {
    return parentId === nodeId ? 'a node cannot be its own parent' : `${parentId} is below ${nodeId}: a node cannot move under its own descendants`;
  }
  return placementError(node.kind, parent);
}
