import { type SqlExecutor, resultTransaction } from '@app/persistence';
import { fieldErrorsOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { SOURCE_PATTERN, SOURCE_RULE } from './limit-source';
import { limitScheduleSchema, normalisedSchedule } from './limit-schedule.schemas';
import { LimitScheduleRepository } from './limit-schedule.repository';
import { type StoredSchedule, scheduleAuditOf, storedScheduleOf } from './limit-schedule.view';
import { LimitsErrorCode, type LimitsResult, failed, invalidSchedule, succeeded } from './limits.error';

/** A schedule as a writer hands it over: validated and put in time order by the store. */
export type LimitScheduleInput = z.input<typeof limitScheduleSchema>;

export interface ReplaceOptions {
  /** The version being replaced: refused (version-conflict) when another write came first. */
  expectedVersion?: number;
}

/**
 * The limit schedules of every node, for whoever sets limits: the REST API (operator and
 * grid-operator), and the service's own writers (OSCP, limits stations report). Every change is
 * validated, replaces the schedule of its (node, source) as a whole, and is audited in the same
 * transaction (who: `actor`).
 */
@Injectable()
export class LimitScheduleStore {
  constructor(
    private readonly schedules: LimitScheduleRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async replace(
    siteId: string,
    nodeId: string,
    source: string,
    schedule: LimitScheduleInput,
    actor: string,
    options: ReplaceOptions = {},
  ): Promise<LimitsResult<{ schedule: StoredSchedule; created: boolean }>> {
    if (!SOURCE_PATTERN.test(source)) return invalidSchedule([{ field: 'source', message: SOURCE_RULE }]);
    const parsed = limitScheduleSchema.safeParse(schedule);
    if (!parsed.success) return invalidSchedule(fieldErrorsOf('schedule', parsed.error.issues));
    const replacement = normalisedSchedule(parsed.data);
    return resultTransaction(this.schedules.dataSource, async (manager) => {
      if (!(await this.schedules.lockNode(manager, siteId, nodeId))) return this.notFound(siteId, nodeId, manager);
      const existing = await this.schedules.schedule(manager, siteId, nodeId, source);
      const before = existing && storedScheduleOf(existing);
      if (options.expectedVersion !== undefined && options.expectedVersion !== before?.version) {
        return failed(LimitsErrorCode.versionConflict, `the ${source} schedule of ${nodeId} is at version ${before?.version ?? 'none (it does not exist)'}, not ${options.expectedVersion}`, {
          currentVersion: before?.version ?? null,
        });
      }
      const after = storedScheduleOf(await this.schedules.upsert(manager, siteId, nodeId, source, replacement, actor));
      await this.audit.record(manager, [
        { siteId, nodeId, source, action: 'limits-replaced', actor, before: before && scheduleAuditOf(before), after: scheduleAuditOf(after) },
      ]);
      return succeeded({ schedule: after, created: before === undefined });
    });
  }

  async remove(siteId: string, nodeId: string, source: string, actor: string, options: ReplaceOptions = {}): Promise<LimitsResult<StoredSchedule>> {
    return resultTransaction(this.schedules.dataSource, async (manager) => {
      if (!(await this.schedules.lockNode(manager, siteId, nodeId))) return this.notFound(siteId, nodeId, manager);
      const existing = await this.schedules.schedule(manager, siteId, nodeId, source);
      if (existing === undefined) return failed(LimitsErrorCode.scheduleNotFound, `node ${nodeId} of site ${siteId} has no ${source} schedule`);
      if (options.expectedVersion !== undefined && options.expectedVersion !== existing.version) {
        return failed(LimitsErrorCode.versionConflict, `the ${source} schedule of ${nodeId} is at version ${existing.version}, not ${options.expectedVersion}`, { currentVersion: existing.version });
      }
      await this.schedules.delete(manager, siteId, nodeId, source);
      const before = storedScheduleOf(existing);
      await this.audit.record(manager, [{ siteId, nodeId, source, action: 'limits-deleted', actor, before: scheduleAuditOf(before), after: null }]);
      return succeeded(before);
    });
  }

  /** Every schedule of the site's nodes, by node and source: what allocation and dispatch read. */
  async schedulesFor(siteId: string): Promise<StoredSchedule[]> {
    return (await this.schedules.schedulesOf(this.schedules.dataSource, siteId)).map(storedScheduleOf);
  }

  async schedule(siteId: string, nodeId: string, source: string): Promise<LimitsResult<StoredSchedule>> {
    const executor = this.schedules.dataSource;
    const row = await this.schedules.schedule(executor, siteId, nodeId, source);
    if (row !== undefined) return succeeded(storedScheduleOf(row));
    if (!(await this.schedules.nodeExists(executor, siteId, nodeId))) return this.notFound(siteId, nodeId, executor);
    return failed(LimitsErrorCode.scheduleNotFound, `node ${nodeId} of site ${siteId} has no ${source} schedule`);
  }

  /**
   * Audits the removal of every schedule of these nodes, inside the transaction of the topology
   * change that deletes them (their rows go with the nodes).
   */
  async auditRemovalOfNodes(manager: SqlExecutor, siteId: string, nodeIds: readonly string[], actor: string): Promise<void> {
    const removed = (await this.schedules.schedulesOf(manager, siteId, nodeIds)).map(storedScheduleOf);
    await this.audit.record(
      manager,
      removed.map((schedule) => ({ siteId, nodeId: schedule.nodeId, source: schedule.source, action: 'limits-deleted' as const, actor, before: scheduleAuditOf(schedule), after: null })),
    );
  }

  /** The failure for a node that is not there: its site is missing, or only the node. */
  async notFound<T>(siteId: string, nodeId: string, executor: SqlExecutor = this.schedules.dataSource): Promise<LimitsResult<T>> {
    if (!(await this.schedules.siteExists(executor, siteId))) return failed(LimitsErrorCode.siteNotFound, `there is no site ${siteId}`);
    return failed(LimitsErrorCode.nodeNotFound, `site ${siteId} has no node ${nodeId}`);
  }
}
