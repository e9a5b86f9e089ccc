import { InjectDataSource, type SqlExecutor, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import type { LimitSlot, LimitValue } from './effective-limit';
import type { LimitSchedule } from './limit-schedule.schemas';

export interface ScheduleRow {
  node_id: string;
  source: string;
  default_limit: LimitValue | null;
  slots: LimitSlot[];
  version: number;
  updated_by: string;
  updated_at: Date | string;
}

/** A node's own default limit (columns of smart_charging.node) and all its schedules, read in one statement. */
export interface NodeLimitsRow {
  limit_l1_a: number | null;
  limit_l2_a: number | null;
  limit_l3_a: number | null;
  limit_total_w: number | null;
  schedules: ScheduleRow[];
}

const SCHEDULE = `"${SMART_CHARGING_SCHEMA}"."limit_schedule"`;
const NODE = `"${SMART_CHARGING_SCHEMA}"."node"`;
const SITE = `"${SMART_CHARGING_SCHEMA}"."site"`;
const COLUMNS = 'node_id, source, default_limit, slots, version, updated_by, updated_at';

/** Limit schedules (smart_charging.limit_schedule): one row per node and source, replaced as a whole. */
@Injectable()
export class LimitScheduleRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) readonly dataSource: DataSource) {}

  async siteExists(executor: SqlExecutor, siteId: string): Promise<boolean> {
    return (await queryRows(executor, `SELECT 1 FROM ${SITE} WHERE site_id = $1`, [siteId])).length > 0;
  }

  async nodeExists(executor: SqlExecutor, siteId: string, nodeId: string): Promise<boolean> {
    return (await queryRows(executor, `SELECT 1 FROM ${NODE} WHERE site_id = $1 AND node_id = $2`, [siteId, nodeId])).length > 0;
  }

  /**
   * Locks the node's schedules against other writers until the transaction ends (the node row,
   * FOR NO KEY UPDATE, which still lets foreign keys to it be checked); false when there is no such node.
   */
  async lockNode(manager: SqlExecutor, siteId: string, nodeId: string): Promise<boolean> {
    return (await queryRows(manager, `SELECT 1 FROM ${NODE} WHERE site_id = $1 AND node_id = $2 FOR NO KEY UPDATE`, [siteId, nodeId])).length > 0;
  }

  async schedule(executor: SqlExecutor, siteId: string, nodeId: string, source: string): Promise<ScheduleRow | undefined> {
    const [row] = await queryRows<ScheduleRow>(executor, `SELECT ${COLUMNS} FROM ${SCHEDULE} WHERE site_id = $1 AND node_id = $2 AND source = $3`, [siteId, nodeId, source]);
    return row;
  }

  async upsert(manager: SqlExecutor, siteId: string, nodeId: string, source: string, schedule: LimitSchedule, actor: string): Promise<ScheduleRow> {
    const [row] = await queryRows<ScheduleRow>(
      manager,
      `INSERT INTO ${SCHEDULE} (site_id, node_id, source, default_limit, slots, updated_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (site_id, node_id, source) DO UPDATE
         SET default_limit = EXCLUDED.default_limit, slots = EXCLUDED.slots, updated_by = EXCLUDED.updated_by,
             version = ${SCHEDULE}.version + 1, updated_at = now()
       RETURNING ${COLUMNS}`,
      [siteId, nodeId, source, pgJson(schedule.default), pgJson(schedule.slots), actor],
    );
    if (row === undefined) throw new Error(`the limit schedule ${siteId}/${nodeId}/${source} was not written`);
    return row;
  }

  async delete(manager: SqlExecutor, siteId: string, nodeId: string, source: string): Promise<ScheduleRow | undefined> {
    const [row] = await queryRows<ScheduleRow>(manager, `DELETE FROM ${SCHEDULE} WHERE site_id = $1 AND node_id = $2 AND source = $3 RETURNING ${COLUMNS}`, [
      siteId,
      nodeId,
      source,
    ]);
    return row;
  }

  /** Every schedule of the site's nodes (all nodes when `nodeIds` is absent), by node and source. */
  async schedulesOf(executor: SqlExecutor, siteId: string, nodeIds?: readonly string[]): Promise<ScheduleRow[]> {
    return queryRows<ScheduleRow>(
      executor,
      `SELECT ${COLUMNS} FROM ${SCHEDULE} WHERE site_id = $1 AND ($2::text[] IS NULL OR node_id = ANY($2::text[])) ORDER BY node_id, source`,
      [siteId, nodeIds ?? null],
    );
  }

  /** The node's default limit with all its schedules, as one consistent read; undefined when there is no such node. */
  async nodeLimits(siteId: string, nodeId: string): Promise<NodeLimitsRow | undefined> {
    const [row] = await queryRows<NodeLimitsRow>(
      this.dataSource,
      `SELECT n.limit_l1_a, n.limit_l2_a, n.limit_l3_a, n.limit_total_w,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('node_id', s.node_id, 'source', s.source, 'default_limit', s.default_limit, 'slots', s.slots,
                                                            'version', s.version, 'updated_by', s.updated_by, 'updated_at', s.updated_at) ORDER BY s.source)
                          FROM ${SCHEDULE} s WHERE s.site_id = n.site_id AND s.node_id = n.node_id), '[]'::jsonb) AS schedules
         FROM ${NODE} n WHERE n.site_id = $1 AND n.node_id = $2`,
      [siteId, nodeId],
    );
    return row;
  }
}
