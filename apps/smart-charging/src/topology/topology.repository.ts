import { InjectDataSource, type SqlExecutor, execute, pgJson, pgText, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import { NODE_COLUMNS, NODE_RECORD_TYPES, type NodeRow, columnsOf, nodeOfRow } from './node.row';
import type { NodeKind, NodeRecord, StoredNode } from './topology.model';

export interface SiteRow {
  site_id: string;
  name: string | null;
  tenant: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SiteSummaryRow extends SiteRow, Pick<NodeRow, 'limit_l1_a' | 'limit_l2_a' | 'limit_l3_a' | 'limit_total_w'> {
  node_count: string;
}

/** A node to write and the kind of its parent. */
export interface NodeWrite {
  record: NodeRecord;
  parentKind: NodeKind | null;
}

const SITE = `"${SMART_CHARGING_SCHEMA}"."site"`;
const NODE = `"${SMART_CHARGING_SCHEMA}"."node"`;
const SITE_COLUMNS = 'site_id, name, tenant, created_at, updated_at';

/** Sites and their nodes (smart_charging.site, .node). Writes run in the caller's transaction. */
@Injectable()
export class TopologyRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) readonly dataSource: DataSource) {}

  /** Creates the site, belonging to `tenant` (null: none), unless it exists; undefined when it does. */
  async insertSite(manager: SqlExecutor, siteId: string, name: string | null, tenant: string | null = null): Promise<SiteRow | undefined> {
    const [row] = await queryRows<SiteRow>(
      manager,
      `INSERT INTO ${SITE} (site_id, name, tenant) VALUES ($1, $2, $3) ON CONFLICT (site_id) DO NOTHING RETURNING ${SITE_COLUMNS}`,
      [siteId, pgText(name), tenant],
    );
    return row;
  }

  /** Locks the site against other topology changes until the transaction ends, marking it changed; undefined when there is no such site. */
  async lockSite(manager: SqlExecutor, siteId: string): Promise<SiteRow | undefined> {
    const [row] = await queryRows<SiteRow>(manager, `UPDATE ${SITE} SET updated_at = now() WHERE site_id = $1 RETURNING ${SITE_COLUMNS}`, [siteId]);
    return row;
  }

  async deleteSite(manager: SqlExecutor, siteId: string): Promise<void> {
    await execute(manager, `DELETE FROM ${SITE} WHERE site_id = $1`, [siteId]);
  }

  async site(executor: SqlExecutor, siteId: string): Promise<SiteRow | undefined> {
    const [row] = await queryRows<SiteRow>(executor, `SELECT ${SITE_COLUMNS} FROM ${SITE} WHERE site_id = $1`, [siteId]);
    return row;
  }

  /** Sites in id order after `after` (of `tenant` only, when given), with their root's limit and node count. */
  async listSites(after: string | undefined, limit: number, tenant?: string): Promise<SiteSummaryRow[]> {
    return queryRows<SiteSummaryRow>(
      this.dataSource,
      `SELECT s.site_id, s.name, s.tenant, s.created_at, s.updated_at, r.limit_l1_a, r.limit_l2_a, r.limit_l3_a, r.limit_total_w,
              (SELECT count(*) FROM ${NODE} n WHERE n.site_id = s.site_id) AS node_count
         FROM ${SITE} s JOIN ${NODE} r ON r.site_id = s.site_id AND r.node_id = s.site_id
        WHERE ($1::text IS NULL OR s.site_id > $1) AND ($3::text IS NULL OR s.tenant = $3) ORDER BY s.site_id LIMIT $2`,
      [after ?? null, limit, tenant ?? null],
    );
  }

  /** The site and all its nodes, as one consistent read. */
  async siteWithNodes(siteId: string): Promise<{ site: SiteRow | undefined; nodes: StoredNode[] }> {
    const rows = await queryRows<SiteRow & { nodes: NodeRow[] }>(
      this.dataSource,
      `SELECT s.site_id, s.name, s.tenant, s.created_at, s.updated_at,
              COALESCE((SELECT jsonb_agg(to_jsonb(n)) FROM ${NODE} n WHERE n.site_id = s.site_id), '[]'::jsonb) AS nodes
         FROM ${SITE} s WHERE s.site_id = $1`,
      [siteId],
    );
    const [row] = rows;
    if (row === undefined) return { site: undefined, nodes: [] };
    const { nodes, ...site } = row;
    return { site, nodes: nodes.map(nodeOfRow) };
  }

  /**
   * The site's nodes; with `lock`, locked until the transaction ends, so that no limit schedule is
   * written to a node being deleted after its schedules were read for the audit log.
   */
  async nodesOf(executor: SqlExecutor, siteId: string, lock = false): Promise<StoredNode[]> {
    const rows = await queryRows<NodeRow>(executor, `SELECT ${NODE_COLUMNS} FROM ${NODE} WHERE site_id = $1${lock ? ' FOR UPDATE' : ''}`, [siteId]);
    return rows.map(nodeOfRow);
  }

  /** The chargers, anywhere, that hold any of these station ids. */
  async chargersOfStations(executor: SqlExecutor, stationIds: readonly string[]): Promise<{ siteId: string; nodeId: string; stationId: string }[]> {
    if (stationIds.length === 0) return [];
    const rows = await queryRows<{ site_id: string; node_id: string; station_id: string }>(
      executor,
      `SELECT site_id, node_id, station_id FROM ${NODE} WHERE station_id = ANY($1::text[]) ORDER BY station_id`,
      [stationIds],
    );
    return rows.map((row) => ({ siteId: row.site_id, nodeId: row.node_id, stationId: row.station_id }));
  }

  /** Adds nodes in one statement (the parent keys are checked at its end, so the order does not matter). */
  async insertNodes(manager: SqlExecutor, siteId: string, nodes: readonly NodeWrite[]): Promise<StoredNode[]> {
    const rows = await queryRows<NodeRow>(
      manager,
      `INSERT INTO ${NODE} (site_id, node_id, kind, parent_id, parent_kind, label, limit_l1_a, limit_l2_a, limit_l3_a, limit_total_w,
                           station_id, wiring, rating_max_a, rating_phases, evse_id, min_a, max_a, phases, priority)
       SELECT $1, node_id, kind, parent_id, parent_kind, label, limit_l1_a, limit_l2_a, limit_l3_a, limit_total_w,
              station_id, wiring, rating_max_a, rating_phases, evse_id, min_a, max_a, phases, priority
         FROM jsonb_to_recordset($2::jsonb) AS node(${NODE_RECORD_TYPES})
       RETURNING ${NODE_COLUMNS}`,
      [siteId, pgJson(nodes.map((node) => columnsOf(node.record, node.parentKind)))],
    );
    return rows.map(nodeOfRow);
  }

  /** Writes a node's new state if it is still at `version`; undefined when it is not. */
  async updateNode(manager: SqlExecutor, siteId: string, node: NodeWrite, version: number): Promise<StoredNode | undefined> {
    const [row] = await queryRows<NodeRow>(
      manager,
      `UPDATE ${NODE} n SET parent_id = v.parent_id, parent_kind = v.parent_kind, label = v.label,
              limit_l1_a = v.limit_l1_a, limit_l2_a = v.limit_l2_a, limit_l3_a = v.limit_l3_a, limit_total_w = v.limit_total_w,
              station_id = v.station_id, wiring = v.wiring, rating_max_a = v.rating_max_a, rating_phases = v.rating_phases,
              evse_id = v.evse_id, min_a = v.min_a, max_a = v.max_a, phases = v.phases, priority = v.priority,
              version = n.version + 1, updated_at = now()
         FROM jsonb_to_record($3::jsonb) AS v(${NODE_RECORD_TYPES})
        WHERE n.site_id = $1 AND n.node_id = $2 AND n.version = $4
       RETURNING ${NODE_COLUMNS.split(', ')
         .map((column) => `n.${column}`)
         .join(', ')}`,
      [siteId, node.record.nodeId, pgJson(columnsOf(node.record, node.parentKind)), version],
    );
    return row && nodeOfRow(row);
  }

  async deleteNodes(manager: SqlExecutor, siteId: string, nodeIds: readonly string[]): Promise<void> {
    await execute(manager, `DELETE FROM ${NODE} WHERE site_id = $1 AND node_id = ANY($2::text[])`, [siteId, nodeIds]);
  }
}
