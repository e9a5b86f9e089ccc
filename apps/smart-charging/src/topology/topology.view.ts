import type { StoredNode } from './topology.model';
import type { SiteRow } from './topology.repository';
import type { NodeView, SiteTreeView, TreeNodeView } from './topology-view.schemas';

// The database holds these fields exactly for the kinds they belong to (node_charger, node_evse).

function chargerFields({ stationId, wiring, rating }: StoredNode): Partial<NodeView> {
  return stationId !== null && wiring !== null && rating !== null ? { stationId, wiring, rating } : {};
}

function evseFields({ evseId, minA, maxA, phases, priority }: StoredNode): Partial<NodeView> {
  return evseId !== null && minA !== null && maxA !== null && phases !== null && priority !== null ? { evseId, minA, maxA, phases, priority } : {};
}

/** A node as the API shows it: only the fields of its kind. */
export function nodeViewOf(node: StoredNode): NodeView {
  return {
    nodeId: node.nodeId,
    kind: node.kind,
    parentId: node.parentId,
    label: node.label,
    limit: node.limit,
    ...chargerFields(node),
    ...evseFields(node),
    version: node.version,
    createdAt: node.createdAt.toISOString(),
    updatedAt: node.updatedAt.toISOString(),
  };
}

function order(a: StoredNode, b: StoredNode): number {
  if (a.evseId !== null && b.evseId !== null) return a.evseId - b.evseId;
  return a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0;
}

/** The node `rootId` with everything below it, nested; children in id order (EVSEs by EVSE id). */
export function treeViewOf(nodes: readonly StoredNode[], rootId: string): TreeNodeView | undefined {
  const children = new Map<string, StoredNode[]>();
  for (const node of nodes) {
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const build = (node: StoredNode, seen: Set<string>): TreeNodeView => {
    seen.add(node.nodeId);
    const below = (children.get(node.nodeId) ?? []).filter((child) => !seen.has(child.nodeId)).sort(order);
    return { ...nodeViewOf(node), children: below.map((child) => build(child, seen)) };
  };
  const root = nodes.find((node) => node.nodeId === rootId);
  return root && build(root, new Set());
}

/** A site with its whole tree; undefined when it has no root (it is being deleted). */
export function siteTreeViewOf(site: SiteRow, nodes: readonly StoredNode[]): SiteTreeView | undefined {
  const root = treeViewOf(nodes, site.site_id);
  return (
    root && {
      siteId: site.site_id,
      name: site.name,
      tenant: site.tenant,
      nodeCount: nodes.length,
      createdAt: new Date(site.created_at).toISOString(),
      updatedAt: new Date(site.updated_at).toISOString(),
      root,
    }
  );
}
