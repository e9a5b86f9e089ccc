import { resultTransaction } from '@app/persistence';
import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { LimitScheduleStore } from '../limits/limit-schedule.store';
import { limitOfColumns } from './node.row';
import { nodeRecordsOf } from './node-records';
import type { CreateSiteBody, ListSitesQuery } from './site.schemas';
import { TopologyErrorCode, type TopologyResult, failed, failedFields, succeeded } from './topology.error';
import { type NodeRecord, type StoredNode, emptyNodeFields } from './topology.model';
import { type SiteRow, type SiteSummaryRow, TopologyRepository } from './topology.repository';
import type { SiteSummaryView, SiteTreeView } from './topology-view.schemas';
import { withViolationsAsErrors } from './topology-violation';
import { siteTreeViewOf } from './topology.view';
import { TopologyWriter } from './topology.writer';

function siteSummaryOf(row: SiteSummaryRow): SiteSummaryView {
  return {
    siteId: row.site_id,
    name: row.name,
    tenant: row.tenant,
    limit: limitOfColumns(row.limit_l1_a, row.limit_l2_a, row.limit_l3_a, row.limit_total_w),
    nodeCount: Number(row.node_count),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function treeOrNotFound(site: SiteRow, nodes: readonly StoredNode[]): TopologyResult<SiteTreeView> {
  const view = siteTreeViewOf(site, nodes);
  return view ? succeeded(view) : failed(TopologyErrorCode.siteNotFound, `site ${site.site_id} has no root (it is being deleted)`);
}

/** Sites: created with their whole tree, listed, read as one tree, deleted. */
@Injectable()
export class SitesService {
  constructor(
    private readonly topology: TopologyRepository,
    private readonly writer: TopologyWriter,
    private readonly limits: LimitScheduleStore,
  ) {}

  /** `tenant`: the caller's; only its sites are listed (undefined: every site). */
  async list(query: ListSitesQuery, tenant?: string): Promise<Page<SiteSummaryView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.topology.listSites(query.cursor?.[0], limit + 1, tenant);
    return pageOf(rows, limit, siteSummaryOf, (row) => [row.site_id]);
  }

  /** Creates the site, its root (node id = site id) and every node below, all or nothing; in the caller's tenant, if it has one. */
  async create(body: CreateSiteBody, actor: string, tenant?: string): Promise<TopologyResult<SiteTreeView>> {
    const root: NodeRecord = { ...emptyNodeFields, nodeId: body.siteId, kind: 'site', parentId: null, limit: body.limit ?? null };
    const entries = body.children.map((input, index) => ({ input, path: `body.children[${index}]` }));
    const { records, paths, errors } = nodeRecordsOf(entries, root);
    if (errors.length > 0) return failedFields(TopologyErrorCode.invalidTopology, errors);
    return withViolationsAsErrors(() =>
      resultTransaction(this.topology.dataSource, async (manager) => {
        const site = await this.topology.insertSite(manager, body.siteId, body.name ?? null, tenant ?? null);
        if (site === undefined) return failed(TopologyErrorCode.siteExists, `site ${body.siteId} exists already`);
        await this.writer.record(manager, [{ siteId: body.siteId, nodeId: null, source: null, action: 'site-created', actor, before: null, after: { siteId: site.site_id, name: site.name } }]);
        const added = await this.writer.addNodes(manager, { siteId: body.siteId, records: [root, ...records], paths, existing: [], actor });
        return added.ok ? treeOrNotFound(site, added.value) : added;
      }),
    );
  }

  async tree(siteId: string): Promise<TopologyResult<SiteTreeView>> {
    const { site, nodes } = await this.topology.siteWithNodes(siteId);
    return site ? treeOrNotFound(site, nodes) : failed(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`);
  }

  /** Deletes the site with its nodes and limit schedules; the audit log keeps what it was. */
  async delete(siteId: string, actor: string): Promise<TopologyResult<void>> {
    return resultTransaction(this.topology.dataSource, async (manager) => {
      const site = await this.topology.lockSite(manager, siteId);
      if (site === undefined) return failed(TopologyErrorCode.siteNotFound, `there is no site ${siteId}`);
      const nodes = await this.topology.nodesOf(manager, siteId, true);
      await this.limits.auditRemovalOfNodes(manager, siteId, nodes.map((node) => node.nodeId), actor);
      const tree = siteTreeViewOf(site, nodes);
      await this.topology.deleteSite(manager, siteId);
      await this.writer.record(manager, [{ siteId, nodeId: null, source: null, action: 'site-deleted', actor, before: tree ?? { siteId }, after: null }]);
      return succeeded(undefined);
    });
  }
}
