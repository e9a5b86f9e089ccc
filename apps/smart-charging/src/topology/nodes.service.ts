import { type SqlExecutor, resultTransaction } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { LimitScheduleStore } from '../limits/limit-schedule.store';
import { evseConflicts, stationConflicts } from './node-conflicts';
import type { NodeInput } from './node-input.schemas';
import { type PatchNodeBody, patchedRecord } from './node-patch';
import { moveError, subtreeOf } from './node-placement';
import { nodeRecordsOf } from './node-records';
import type { DeleteNodeQuery } from './node.schemas';
import { StationTenancyCheck } from './station-tenancy.check';
import { TopologyErrorCode, type TopologyResult, failed, failedFields, succeeded } from './topology.error';
import type { StoredNode } from './topology.model';
import { type SiteRow, TopologyRepository } from './topology.repository';
import type { NodeView, TreeNodeView } from './topology-view.schemas';
import { withViolationsAsErrors } from './topology-violation';
import { nodeViewOf, treeViewOf } from './topology.view';
import { TopologyWriter } from './topology.writer';

type Locked = TopologyResult<{ site: SiteRow; nodes: StoredNode[]; node: StoredNode }>;

/** Nodes of a site: added (with the nodes below them), read, changed or moved, deleted. */
@Injectable()
export class NodesService {
  constructor(
    private readonly topology: TopologyRepository,
    private readonly writer: TopologyWriter,
    private readonly limits: LimitScheduleStore,
    private readonly stationTenancy: StationTenancyCheck,
  ) {}

  async add(siteId: string, body: NodeInput, actor: string): Promise<TopologyResult<TreeNodeView>> {
    return withViolationsAsErrors(() =>
      resultTransaction(this.topology.dataSource, async (manager) => {
        const site = await this.topology.lockSite(manager, siteId);
        if (site === undefined) return failed(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`);
        const existing = await this.topology.nodesOf(manager, siteId);
        const parentId = body.parentId ?? siteId;
        const parent = existing.find((node) => node.nodeId === parentId);
        if (parent === undefined) return failedFields(TopologyErrorCode.invalidTopology, [{ field: 'body.parentId', message: `site ${siteId} has no node ${parentId}` }]);
        const { records, paths, errors } = nodeRecordsOf([{ input: { ...body, parentId: undefined }, path: 'body' }], parent);
        if (errors.length > 0) return failedFields(TopologyErrorCode.invalidTopology, errors);
        const added = await this.writer.addNodes(manager, { siteId, records, paths, existing, tenant: site.tenant, actor });
        if (!added.ok) return added;
        const view = treeViewOf(added.value, records[0]?.nodeId ?? '');
        return view ? succeeded(view) : failed(TopologyErrorCode.invalidTopology, 'the request adds no node');
      }),
    );
  }

  async node(siteId: string, nodeId: string): Promise<TopologyResult<TreeNodeView>> {
    const { site, nodes } = await this.topology.siteWithNodes(siteId);
    if (site === undefined) return failed(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`);
    const view = treeViewOf(nodes, nodeId);
    return view ? succeeded(view) : failed(TopologyErrorCode.nodeNotFound, `site ${siteId} has no node ${nodeId}`);
  }

  /** Changes a node's fields or moves it, if it is still at the version the change is based on. */
  async update(siteId: string, nodeId: string, patch: PatchNodeBody, actor: string): Promise<TopologyResult<NodeView>> {
    return withViolationsAsErrors(() =>
      resultTransaction(this.topology.dataSource, async (manager) => {
        const locked = await this.lockedNode(manager, siteId, nodeId, patch.version);
        if (!locked.ok) return locked;
        const { site, nodes, node } = locked.value;
        const { record, errors } = patchedRecord(node, patch);
        const moved = record.parentId !== null && record.parentId !== node.parentId ? moveError(nodes, nodeId, record.parentId) : undefined;
        if (moved !== undefined) errors.push({ field: 'body.parentId', message: moved });
        if (errors.length > 0) return failedFields(TopologyErrorCode.invalidTopology, errors);
        const paths = new Map([[nodeId, 'body']]);
        const evses = evseConflicts([record], paths, nodes);
        if (evses.length > 0) return failedFields(TopologyErrorCode.evseExists, evses);
        const named = record.stationId === null || record.stationId === node.stationId ? [] : [{ stationId: record.stationId, field: 'body.stationId' }];
        const tenancy = await this.stationTenancy.check(site.tenant, named);
        if (!tenancy.ok) return tenancy;
        const holders = record.stationId === null ? [] : await this.topology.chargersOfStations(manager, [record.stationId]);
        const stations = stationConflicts([record], paths, holders, siteId);
        if (stations.length > 0) return failedFields(TopologyErrorCode.stationAssigned, stations);
        const parentKind = nodes.find((candidate) => candidate.nodeId === record.parentId)?.kind ?? null;
        const updated = await this.topology.updateNode(manager, siteId, { record, parentKind }, node.version);
        if (updated === undefined) return failed(TopologyErrorCode.versionConflict, `node ${nodeId} changed meanwhile: read it again and reapply the change`);
        await this.writer.record(manager, [this.writer.entry(siteId, actor, 'node-updated', node, updated)]);
        return succeeded(nodeViewOf(updated));
      }),
    );
  }

  /** Deletes a node (with everything below it when `recursive`) and the limit schedules of what it deletes. */
  async delete(siteId: string, nodeId: string, query: DeleteNodeQuery, actor: string): Promise<TopologyResult<void>> {
    return resultTransaction(this.topology.dataSource, async (manager) => {
      const locked = await this.lockedNode(manager, siteId, nodeId, query.version, true);
      if (!locked.ok) return locked;
      const { nodes, node } = locked.value;
      if (node.parentId === null) return failed(TopologyErrorCode.siteRoot, `${nodeId} is the root of site ${siteId}: delete the site instead (DELETE /api/sites/${siteId})`);
      const children = nodes.filter((candidate) => candidate.parentId === nodeId).map((child) => child.nodeId);
      if (children.length > 0 && query.recursive !== true) {
        return failed(TopologyErrorCode.nodeHasChildren, `node ${nodeId} has ${children.length} node(s) below it: delete them first, or pass recursive=true`, { children });
      }
      const subtree = subtreeOf(nodes, nodeId);
      const deleted = nodes.filter((candidate) => subtree.has(candidate.nodeId));
      await this.limits.auditRemovalOfNodes(manager, siteId, [...subtree], actor);
      await this.topology.deleteNodes(manager, siteId, [...subtree]);
      await this.writer.record(
        manager,
        deleted.map((gone) => this.writer.entry(siteId, actor, 'node-deleted', gone, null)),
      );
      return succeeded(undefined);
    });
  }

  /**
   * The site's nodes and the node, with the site locked against other topology changes (and the
   * nodes against limit writers, for a deletion); checks the version a change is based on.
   */
  private async lockedNode(manager: SqlExecutor, siteId: string, nodeId: string, version: number | undefined, lockNodes = false): Promise<Locked> {
    const site = await this.topology.lockSite(manager, siteId);
    if (site === undefined) return failed(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`);
    const nodes = await this.topology.nodesOf(manager, siteId, lockNodes);
    const node = nodes.find((candidate) => candidate.nodeId === nodeId);
    if (node === undefined) return failed(TopologyErrorCode.nodeNotFound, `site ${siteId} has no node ${nodeId}`);
    if (version !== undefined && version !== node.version) {
      return failed(TopologyErrorCode.versionConflict, `node ${nodeId} is at version ${node.version}, not ${version}: read it again and reapply the change`, { currentVersion: node.version });
    }
    return succeeded({ site, nodes, node });
  }
}
